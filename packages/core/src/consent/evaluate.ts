import { shortfalls, type ConsentRecord, type InsufficiencyReason } from './record';
import { consentRequirement, DEFAULT_CONSENT_AGES, type ConsentAgeSettings } from './requirement';
import { PURPOSES_NAMING_RECIPIENT, type ConsentPurpose } from './vocabulary';

export type ConsentStatus = 'given' | 'refused' | 'withdrawn' | 'missing' | 'insufficient';

export type ConsentReason = InsufficiencyReason | 'no_record' | 'refused' | 'withdrawn' | 'recipient_required';

export interface ConsentEvaluation {
  status: ConsentStatus;
  reasons: ConsentReason[];
  /** The decision in force, when there is one. */
  current: ConsentRecord | null;
}

export interface EvaluationOptions {
  /** The receiving agency: required for a referral, ignored otherwise. */
  recipientAgencyId?: string | null;
  /** The person's age at `at`; a grant must meet the rules for the age they are now. */
  age?: number | null;
  settings?: ConsentAgeSettings;
}

/**
 * Which decision is in force at `at`, among those already recorded and effective then.
 * A grant counts from when the person gave it (a paper consent may be typed in later); a
 * refusal or withdrawal counts from when it was recorded at the latest, so it beats every
 * grant given before that moment, however late that grant is typed in. A grant given
 * after it (the person agreed again) is in force again. At the same instant, caution wins.
 */
export function decisionInForce(records: readonly ConsentRecord[], at: Date): ConsentRecord | null {
  let best: ConsentRecord | null = null;
  for (const record of records) {
    if (record.recordedAt.getTime() > at.getTime() || record.effectiveAt.getTime() > at.getTime()) continue;
    if (best === null || laterThan(record, best)) best = record;
  }
  return best;
}

function orderingTime(record: ConsentRecord): number {
  return (record.decision === 'given' ? record.effectiveAt : record.recordedAt).getTime();
}

function laterThan(a: ConsentRecord, b: ConsentRecord): boolean {
  const byTime = orderingTime(a) - orderingTime(b);
  if (byTime !== 0) return byTime > 0;
  const caution = Number(a.decision !== 'given') - Number(b.decision !== 'given');
  if (caution !== 0) return caution > 0;
  const byRecord = a.recordedAt.getTime() - b.recordedAt.getTime();
  if (byRecord !== 0) return byRecord > 0;
  return a.id > b.id;
}

/** Is there consent for this purpose (and recipient) at `at`, and if not, why not. */
export function evaluateConsent(
  records: readonly ConsentRecord[],
  purpose: ConsentPurpose,
  options: EvaluationOptions,
  at: Date,
): ConsentEvaluation {
  const namesRecipient = PURPOSES_NAMING_RECIPIENT.has(purpose);
  const recipient = options.recipientAgencyId ?? null;
  if (namesRecipient && recipient === null) return { status: 'insufficient', reasons: ['recipient_required'], current: null };
  const relevant = records.filter(
    (record) => record.purpose === purpose && (!namesRecipient || record.recipientAgencyId === recipient),
  );
  const current = decisionInForce(relevant, at);
  if (current === null) return { status: 'missing', reasons: ['no_record'], current };
  if (current.decision === 'withdrawn') return { status: 'withdrawn', reasons: ['withdrawn'], current };
  if (current.decision === 'refused') return { status: 'refused', reasons: ['refused'], current };
  if (options.age !== undefined) {
    const short = shortfalls(current, consentRequirement(options.age, options.settings ?? DEFAULT_CONSENT_AGES));
    if (short.length > 0) return { status: 'insufficient', reasons: short.map((s) => s.reason), current };
  }
  return { status: 'given', reasons: [], current };
}
