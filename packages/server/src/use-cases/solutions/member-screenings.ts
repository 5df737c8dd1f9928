import { findInstrument, mergeSensitive, TOPIC_OF_DOMAIN, type Actor, type SensitiveTopic, type StoredOutcome } from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { openScreeningAnswers } from '../../crypto/screening-answers';
import type { MemberFactsRow } from '../../db/solutions-repository';
import type { ScreeningRow } from '../../db/schema';
import { presentScreening } from '../../presenters/screening';
import { recordRef } from '../record-ref';

/** A member's latest screening three ways: as scored, as held in clear, as this reader may see it. */
export interface MemberScreening {
  /** As scored: the sealed part opened in memory (the clear part when it will not open). */
  whole: unknown;
  /** The clear outcome: the screening as if no highly sensitive item had been asked. */
  clear: unknown;
  /** As the reader sees it on the person page (presenters/screening.ts). */
  forReader: unknown;
  /** Topics of the sealed sections this screening holds answers or decisions from. */
  sealedTopics: SensitiveTopic[];
}

/**
 * Suggestions (and anything else that decides from a screening's levels) must decide from
 * the screening as scored, not from the clear outcome: that one is the uncleared view, in
 * which a woman's SGBV answers raised nothing. The sealed part is opened here, server-side,
 * and never leaves: the callers keep only levels, and show a reader only what their own
 * view gives (core withholdReasons).
 */
export function memberScreening(member: MemberFactsRow, row: ScreeningRow | undefined, actor: Actor, ring: KeyRing | undefined): MemberScreening {
  if (!row) return { whole: member.outcome, clear: member.outcome, forReader: member.outcome, sealedTopics: [] };
  const instrument = findInstrument(row.instrument_id, row.instrument_version);
  const forReader = presentScreening(row, { actor, person: recordRef(member) }, ring);
  const opened = openScreeningAnswers(ring, row, row.sealed_answers ?? null);
  if (!instrument || !opened.ok || opened.value === null) return { whole: row.outcome, clear: row.outcome, forReader, sealedTopics: [] };
  const sealed = opened.value;
  const whole = mergeSensitive(instrument, { responses: row.responses as Record<string, unknown> | null, stored: row.outcome as StoredOutcome }, sealed).stored;
  const domains = new Set([
    ...sealed.signals.map((entry) => entry.domain),
    ...(sealed.scored?.domains ?? []).map((entry) => entry.domain),
    ...Object.keys(sealed.responses ?? {}).map((itemId) => instrument.items.find((item) => item.id === itemId)?.domain ?? 'sgbv_coercion'),
  ]);
  // As presenters/screening.ts classifies a highly sensitive item: its domain's topic, else SGBV.
  const sealedTopics = [...new Set([...domains].map((domain) => TOPIC_OF_DOMAIN[domain] ?? 'sgbv'))].sort();
  return { whole, clear: row.outcome, forReader, sealedTopics };
}
