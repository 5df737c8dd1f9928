import {
  expandOutcome,
  findInstrument,
  hiddenItemIds,
  mayReadField,
  rolesCleared,
  mergeSensitive,
  mergeSensitiveResponses,
  TOPIC_OF_DOMAIN,
  withholdItems,
  type Actor,
  type Classification,
  type Item,
  type RecordRef,
  type StoredOutcome,
} from '@waymark/core';
import type { Screening } from '@waymark/contracts';
import type { KeyRing } from '../crypto/key-ring';
import { openScreeningAnswers } from '../crypto/screening-answers';
import type { ScreeningRow } from '../db/schema';

export interface Reader {
  actor: Actor;
  /** The screened person, as the rule book sees it (need-to-know comes from assignment). */
  person: RecordRef;
}

/**
 * A screening row as read: for a re-score that reused its source's answers, `responses`
 * are the source's clear answers and `answersSource` says where their sealed part is.
 */
export type StoredScreening = ScreeningRow & { answersSource?: { id: string; sealedAnswers: string | null } | null };

/**
 * A stored screening with its explanation put back from the instrument version that scored
 * it, as this reader may see it: for items outside the reader's clearance, the screening as
 * if they had not been asked (core withholdItems: their answers, and the overrides, levels,
 * scores, actions and explanation lines they raised, are gone), with the overall level as
 * scored and the sections withheld listed with whom they are for.
 *
 * The highly sensitive part is sealed (src/crypto/screening-answers.ts). It is opened here,
 * in memory, for every reader: for a cleared one to show it, for any other only to work out
 * their view of it. A part that will not open (its key is not in the ring, or it was
 * altered) leaves the clear part readable as every uncleared reader sees it, with the
 * highly sensitive sections listed as withheld for `encryption_unavailable`.
 */
export function presentScreening(row: StoredScreening, reader: Reader, ring: KeyRing | undefined): Screening {
  const instrument = findInstrument(row.instrument_id, row.instrument_version);
  if (!instrument) throw new Error(`screening ${row.id} was scored with ${row.instrument_id} v${row.instrument_version}, which this release does not ship`);
  const classification = (item: Item): Classification =>
    item.sensitivity === 'highly_sensitive' ? { sensitivity: 'highly_sensitive', topic: TOPIC_OF_DOMAIN[item.domain] ?? 'sgbv' } : { sensitivity: item.sensitivity };
  const cleared = (item: Item) => mayReadField(reader.actor, classification(item), reader.person);

  const clear = { responses: row.responses as Record<string, unknown> | null, stored: row.outcome as StoredOutcome };
  const own = openScreeningAnswers(ring, row, row.sealed_answers ?? null);
  const source = row.answersSource
    ? openScreeningAnswers(ring, { operation_id: row.operation_id, id: row.answersSource.id, person_id: row.person_id }, row.answersSource.sealedAnswers)
    : null;
  const unavailable = !own.ok || (source !== null && !source.ok);
  let whole = clear;
  if (!unavailable) {
    whole = mergeSensitive(instrument, clear, own.value);
    if (source?.ok && source.value) whole = { ...whole, responses: mergeSensitiveResponses(whole.responses, source.value.responses) };
  }
  // Sealed and unopened: nobody reads a highly sensitive item here. A clear part sealed before
  // format 2 still names what they raised; withholding them again takes it out.
  const mayRead = unavailable ? (item: Item) => cleared(item) && item.sensitivity !== 'highly_sensitive' : cleared;
  const visible = withholdItems(instrument, whole.stored, whole.responses as Screening['responses'] | null, mayRead);
  const hidden = hiddenItemIds(instrument, mayRead);
  const withheld: Screening['withheld'] = visible.withheld.map(({ domain }) => {
    const items = instrument.items.filter((item) => item.domain === domain && hidden.has(item.id));
    const item = items.find((candidate) => candidate.sensitivity === 'highly_sensitive') ?? items[0]!;
    const field = classification(item);
    const section = { domain, topic: field.topic ?? null, readableBy: rolesCleared(field) };
    return unavailable && item.sensitivity === 'highly_sensitive' && cleared(item) ? { ...section, reason: 'encryption_unavailable' as const } : section;
  });
  return {
    id: row.id,
    personId: row.person_id,
    screenedAt: new Date(row.screened_at).toISOString(),
    screenedBy: row.screened_by,
    responses: visible.responses ?? {},
    rescoredFrom: row.rescored_from,
    withheld,
    ...expandOutcome(instrument, visible.stored),
  };
}
