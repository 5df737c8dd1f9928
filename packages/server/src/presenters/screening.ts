import {
  expandOutcome,
  findInstrument,
  highlySensitiveDomains,
  mayReadField,
  mergeSensitive,
  mergeSensitiveResponses,
  TOPIC_OF_DOMAIN,
  withholdItems,
  type Actor,
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
 * it, as this reader may see it: answers to highly sensitive items outside the reader's
 * clearance are withheld, and the screening says which sections were.
 *
 * The highly sensitive part is sealed (src/crypto/screening-answers.ts). It is opened here,
 * in memory, for every reader: for a cleared one to show it, for any other only to count
 * what is withheld (withholdItems drops it before anything is returned). A part that will
 * not open (its key is not in the ring, or it was altered) leaves the screening readable,
 * with the highly sensitive sections listed as withheld for `encryption_unavailable`.
 */
export function presentScreening(row: StoredScreening, reader: Reader, ring: KeyRing | undefined): Screening {
  const instrument = findInstrument(row.instrument_id, row.instrument_version);
  if (!instrument) throw new Error(`screening ${row.id} was scored with ${row.instrument_id} v${row.instrument_version}, which this release does not ship`);
  const mayRead = (item: Item) =>
    mayReadField(reader.actor, item.sensitivity === 'highly_sensitive' ? { sensitivity: 'highly_sensitive', topic: TOPIC_OF_DOMAIN[item.domain] } : { sensitivity: item.sensitivity }, reader.person);

  const clear = { responses: row.responses as Record<string, unknown> | null, stored: row.outcome as StoredOutcome };
  const own = openScreeningAnswers(ring, row, row.sealed_answers ?? null);
  const source = row.answersSource
    ? openScreeningAnswers(ring, { operation_id: row.operation_id, id: row.answersSource.id, person_id: row.person_id }, row.answersSource.sealedAnswers)
    : null;
  const unavailable = !own.ok || (source !== null && !source.ok);
  let whole = clear;
  if (!unavailable) {
    whole = mergeSensitive(clear, own.value);
    if (source?.ok && source.value) whole = { ...whole, responses: mergeSensitiveResponses(whole.responses, source.value.responses) };
  }

  const visible = withholdItems(instrument, whole.stored, whole.responses as Screening['responses'] | null, mayRead);
  let withheld: Screening['withheld'] = visible.withheld;
  if (unavailable) {
    const listed = new Set(withheld.map((section) => section.domain));
    withheld = [
      ...withheld,
      ...highlySensitiveDomains(instrument)
        .filter((domain) => !listed.has(domain))
        .map((domain) => ({ domain, answers: 0, reason: 'encryption_unavailable' as const })),
    ].sort((a, b) => a.domain.localeCompare(b.domain));
  }
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
