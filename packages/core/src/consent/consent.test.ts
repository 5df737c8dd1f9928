import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateConsent, type ConsentEvaluation } from './evaluate';
import type { ConsentRecord } from './record';
import { consentAgesProblem, consentRequirement, DEFAULT_CONSENT_AGES } from './requirement';
import { CONSENT_DECISIONS, CONSENT_PURPOSES, type ConsentPurpose } from './vocabulary';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
let ids = 0;
const record = (over: Partial<ConsentRecord>): ConsentRecord => ({
  id: `r${String(++ids).padStart(6, '0')}`,
  purpose: 'case_management',
  recipientAgencyId: null,
  decision: 'given',
  method: 'written',
  givenBy: 'self',
  carerRelationship: null,
  childAssent: 'not_applicable',
  assentMethod: null,
  effectiveAt: at(0),
  recordedAt: at(0),
  ...over,
});

describe('consentRequirement (domain.md §8 defaults)', () => {
  it.each([
    [0, 'carer', 'none'],
    [5, 'carer', 'none'],
    [6, 'carer', 'oral'],
    [11, 'carer', 'oral'],
    [12, 'carer', 'written'],
    [14, 'carer', 'written'],
    [15, 'self', 'none'],
    [17, 'self', 'none'],
    [40, 'self', 'none'],
    [null, 'self', 'none'],
  ] as const)('age %s: %s decides, assent %s', (age, giver, assent) => {
    expect(consentRequirement(age)).toEqual({ giver, assent });
  });

  it('follows an operation’s own thresholds', () => {
    const settings = { oralAssentFrom: 7, writtenAssentFrom: 10, ownConsentFrom: 18 };
    expect(consentRequirement(6, settings)).toEqual({ giver: 'carer', assent: 'none' });
    expect(consentRequirement(16, settings)).toEqual({ giver: 'carer', assent: 'written' });
    expect(consentRequirement(18, settings)).toEqual({ giver: 'self', assent: 'none' });
  });

  it('accepts only in-order whole ages up to 18', () => {
    expect(consentAgesProblem(DEFAULT_CONSENT_AGES)).toBeNull();
    expect(consentAgesProblem({ oralAssentFrom: 12, writtenAssentFrom: 6, ownConsentFrom: 15 })).toBe('ages_out_of_order');
    expect(consentAgesProblem({ oralAssentFrom: 6, writtenAssentFrom: 12, ownConsentFrom: 21 })).toBe('ages_out_of_range');
  });
});

describe('evaluateConsent', () => {
  it('is missing without a record, given after a grant, withdrawn after a withdrawal', () => {
    const grant = record({ effectiveAt: at(0), recordedAt: at(1) });
    const withdrawal = record({ decision: 'withdrawn', effectiveAt: at(10), recordedAt: at(10) });
    expect(evaluateConsent([], 'case_management', {}, at(5))).toMatchObject({ status: 'missing', reasons: ['no_record'] });
    expect(evaluateConsent([grant], 'case_management', {}, at(0))).toMatchObject({ status: 'missing' });
    expect(evaluateConsent([grant], 'case_management', {}, at(5))).toMatchObject({ status: 'given', reasons: [] });
    expect(evaluateConsent([grant, withdrawal], 'case_management', {}, at(9))).toMatchObject({ status: 'given' });
    expect(evaluateConsent([grant, withdrawal], 'case_management', {}, at(10))).toMatchObject({ status: 'withdrawn' });
    expect(evaluateConsent([grant, withdrawal], 'tracing', {}, at(10))).toMatchObject({ status: 'missing' });
  });

  it('a refusal is not consent; agreeing later is', () => {
    const refusal = record({ decision: 'refused', effectiveAt: at(0), recordedAt: at(0) });
    expect(evaluateConsent([refusal], 'case_management', {}, at(1))).toMatchObject({ status: 'refused' });
    const later = record({ effectiveAt: at(5), recordedAt: at(5) });
    expect(evaluateConsent([refusal, later], 'case_management', {}, at(6))).toMatchObject({ status: 'given' });
  });

  it('an old paper consent typed in after a withdrawal does not undo it', () => {
    const withdrawal = record({ decision: 'withdrawn', effectiveAt: at(10), recordedAt: at(10) });
    const latePaper = record({ effectiveAt: at(2), recordedAt: at(20) });
    expect(evaluateConsent([withdrawal, latePaper], 'case_management', {}, at(30))).toMatchObject({ status: 'withdrawn' });
  });

  it('a backdated withdrawal still beats a grant given before it was recorded', () => {
    const grant = record({ effectiveAt: at(5), recordedAt: at(5) });
    const withdrawal = record({ decision: 'withdrawn', effectiveAt: at(1), recordedAt: at(10) });
    expect(evaluateConsent([grant, withdrawal], 'case_management', {}, at(11))).toMatchObject({ status: 'withdrawn' });
  });

  it('a referral consent is for the agency it names', () => {
    const toA = record({ purpose: 'referral', recipientAgencyId: 'agency-a' });
    expect(evaluateConsent([toA], 'referral', { recipientAgencyId: 'agency-a' }, at(1))).toMatchObject({ status: 'given' });
    expect(evaluateConsent([toA], 'referral', { recipientAgencyId: 'agency-b' }, at(1))).toMatchObject({ status: 'missing' });
    expect(evaluateConsent([toA], 'referral', {}, at(1))).toMatchObject({ status: 'insufficient', reasons: ['recipient_required'] });
  });

  it('a grant must meet the rules for the age the person is now', () => {
    const byParent = record({ givenBy: 'carer', carerRelationship: 'parent', childAssent: 'yes', assentMethod: 'oral' });
    expect(evaluateConsent([byParent], 'case_management', { age: 4 }, at(1))).toMatchObject({ status: 'given' });
    expect(evaluateConsent([byParent], 'case_management', { age: 9 }, at(1))).toMatchObject({ status: 'given' });
    expect(evaluateConsent([byParent], 'case_management', { age: 13 }, at(1))).toMatchObject({ status: 'insufficient', reasons: ['written_assent_required'] });
    expect(evaluateConsent([byParent], 'case_management', { age: 15 }, at(1))).toMatchObject({ status: 'insufficient', reasons: ['own_consent_required'] });
    const declined = record({ givenBy: 'carer', carerRelationship: 'parent', childAssent: 'no' });
    expect(evaluateConsent([declined], 'case_management', { age: 8 }, at(1))).toMatchObject({ status: 'insufficient', reasons: ['child_declined'] });
    const self = record({});
    expect(evaluateConsent([self], 'case_management', { age: 10 }, at(1))).toMatchObject({ status: 'insufficient', reasons: ['carer_consent_required', 'child_assent_required'] });
  });
});

describe('evaluateConsent properties', () => {
  const purpose = fc.constantFrom<ConsentPurpose>('case_management', 'deidentified_sharing', 'tracing');
  const recordArb = (p: ConsentPurpose) =>
    fc
      .record({
        decision: fc.constantFrom(...CONSENT_DECISIONS),
        purpose: fc.constantFrom<ConsentPurpose>(p, p, ...CONSENT_PURPOSES.filter((x) => x !== 'referral')),
        effective: fc.integer({ min: 0, max: 1000 }),
        delay: fc.integer({ min: 0, max: 200 }),
      })
      .map(({ decision, purpose: recordPurpose, effective, delay }) =>
        record({ decision, purpose: recordPurpose, effectiveAt: at(effective), recordedAt: at(effective + delay) }),
      );
  const scenario = purpose.chain((p) =>
    fc.record({
      purpose: fc.constant(p),
      history: fc.array(recordArb(p), { maxLength: 12 }),
      withdrawnAt: fc.integer({ min: 0, max: 1200 }),
      backdate: fc.integer({ min: 0, max: 300 }),
      laterGrants: fc.array(fc.record({ recordedAfter: fc.integer({ min: 0, max: 500 }), backdate: fc.integer({ min: 0, max: 700 }) }), { maxLength: 4 }),
      lookAfter: fc.integer({ min: 0, max: 2000 }),
    }),
  );

  it('a withdrawal wins from the instant it is recorded over every grant given before it, however late typed in', () => {
    fc.assert(
      fc.property(scenario, ({ purpose: p, history, withdrawnAt, backdate, laterGrants, lookAfter }) => {
        const withdrawal = record({ purpose: p, decision: 'withdrawn', recordedAt: at(withdrawnAt), effectiveAt: at(Math.max(0, withdrawnAt - backdate)) });
        // Grants typed in later but given no later than the withdrawal's recording.
        const late = laterGrants.map(({ recordedAfter, backdate: b }) =>
          record({ purpose: p, recordedAt: at(withdrawnAt + recordedAfter), effectiveAt: at(Math.min(withdrawnAt, withdrawnAt + recordedAfter - b)) }),
        );
        const everything = [...history.filter((r) => r.decision !== 'given' || r.effectiveAt.getTime() <= at(withdrawnAt).getTime()), withdrawal, ...late];
        const result: ConsentEvaluation = evaluateConsent(everything, p, {}, at(withdrawnAt + lookAfter));
        expect(result.status).not.toBe('given');
      }),
      { numRuns: 500 },
    );
  });

  it('recording a withdrawal never changes what held before it was recorded (history stays)', () => {
    fc.assert(
      fc.property(scenario, ({ purpose: p, history, withdrawnAt, backdate, lookAfter }) => {
        const withdrawal = record({ purpose: p, decision: 'withdrawn', recordedAt: at(withdrawnAt), effectiveAt: at(Math.max(0, withdrawnAt - backdate)) });
        fc.pre(withdrawnAt > 0);
        const before = at(withdrawnAt - 1 - (lookAfter % withdrawnAt));
        expect(evaluateConsent([...history, withdrawal], p, {}, before).status).toBe(evaluateConsent(history, p, {}, before).status);
      }),
      { numRuns: 500 },
    );
  });

  it('the order records arrive in does not matter', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 1500 }), ({ purpose: p, history }, when) => {
        const forward = evaluateConsent(history, p, {}, at(when));
        const backward = evaluateConsent([...history].reverse(), p, {}, at(when));
        expect(backward.status).toBe(forward.status);
        expect(backward.current?.id).toBe(forward.current?.id);
      }),
      { numRuns: 300 },
    );
  });
});
