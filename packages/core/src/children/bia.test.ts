import { describe, expect, it } from 'vitest';
import type { ScreeningOutcome } from '../scoring/outcome';
import { biaRequired, openBestInterestsAssessment, screeningIndicators, suggestBiaUrgency, type ChildFacts } from './bia';
import { bidRequirement } from './bid-requirement';

const child = (over: Partial<ChildFacts> = {}): ChildFacts => ({
  id: 'p-child',
  dateOfBirth: '2014-05-10',
  birthYear: null,
  careSituation: 'unaccompanied',
  ...over,
});

describe('openBestInterestsAssessment', () => {
  it.each([
    ['2_days', '2026-03-03'],
    ['1_week', '2026-03-08'],
    ['30_days', '2026-03-31'],
    ['non_urgent', '2026-05-30'],
  ] as const)('%s is due on %s (calendar days from 1 March 2026)', (urgency, due) => {
    const opened = openBestInterestsAssessment(child(), { identifiedAt: '2026-03-01', urgency });
    expect(opened).toEqual({ ok: true, value: { childId: 'p-child', identifiedAt: '2026-03-01', urgency, dueDate: due, required: true } });
  });

  it('crosses month and leap-day boundaries as calendar days', () => {
    const opened = openBestInterestsAssessment(child(), { identifiedAt: '2028-02-27', urgency: '2_days' });
    expect(opened.ok && opened.value.dueDate).toBe('2028-02-29');
  });

  it('takes the non-urgent period from the operation settings', () => {
    const opened = openBestInterestsAssessment(child(), { identifiedAt: '2026-01-01', urgency: 'non_urgent', settings: { nonUrgentDays: 60 } });
    expect(opened.ok && opened.value.dueDate).toBe('2026-03-02');
  });

  it('is required for separated and unaccompanied children, optional for a child with parents', () => {
    expect(biaRequired({ careSituation: 'separated' })).toBe(true);
    expect(biaRequired({ careSituation: 'unaccompanied' })).toBe(true);
    expect(biaRequired({ careSituation: 'foster_kinship_carer' })).toBe(true);
    expect(biaRequired({ careSituation: 'child_headed_household' })).toBe(true);
    expect(biaRequired({ careSituation: 'with_parents' })).toBe(false);
    expect(biaRequired({ careSituation: null })).toBe(false);
    const opened = openBestInterestsAssessment(child({ careSituation: 'with_parents' }), { identifiedAt: '2026-03-01', urgency: '30_days' });
    expect(opened.ok && opened.value.required).toBe(false);
  });

  it('refuses an adult with adult_not_child, and a bad date with invalid_date', () => {
    expect(openBestInterestsAssessment(child({ dateOfBirth: '2008-03-01' }), { identifiedAt: '2026-03-01', urgency: '1_week' })).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: 'adult_not_child', path: ['child'] })],
    });
    // The day before the 18th birthday is still a child.
    expect(openBestInterestsAssessment(child({ dateOfBirth: '2008-03-02' }), { identifiedAt: '2026-03-01', urgency: '1_week' }).ok).toBe(true);
    expect(openBestInterestsAssessment(child(), { identifiedAt: '2026-02-30', urgency: '1_week' })).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: 'invalid_date', path: ['identifiedAt'] })],
    });
  });

  it('keeps a child of unknown age (age disputes must not remove protection)', () => {
    expect(openBestInterestsAssessment(child({ dateOfBirth: null, birthYear: null }), { identifiedAt: '2026-03-01', urgency: '1_week' }).ok).toBe(true);
  });
});

describe('suggestBiaUrgency', () => {
  it.each([
    [{ careSituation: 'with_parents', screeningLevel: 'critical', indicators: [] }, '2_days', 'critical_screening'],
    [{ careSituation: 'unaccompanied', screeningLevel: 'medium', indicators: ['child_approached_with_offers'] }, '2_days', 'unaccompanied_with_acute_indicator'],
    [{ careSituation: 'with_parents', screeningLevel: 'high', indicators: [] }, '1_week', 'high_screening'],
    [{ careSituation: 'separated', screeningLevel: 'low', indicators: ['child_approached_with_offers'] }, '1_week', 'separated_with_acute_indicator'],
    [{ careSituation: 'unaccompanied', screeningLevel: null, indicators: [] }, '1_week', 'unaccompanied'],
    [{ careSituation: 'child_headed_household', screeningLevel: 'low', indicators: [] }, '1_week', 'child_headed_household'],
    [{ careSituation: 'foster_kinship_carer', screeningLevel: 'low', indicators: [] }, '30_days', 'separated_or_in_alternative_care'],
    [{ careSituation: 'with_parents', screeningLevel: 'medium', indicators: [] }, '30_days', 'medium_screening'],
    [{ careSituation: 'with_parents', screeningLevel: 'low', indicators: ['child_approached_with_offers'] }, 'non_urgent', 'no_risk_found'],
  ] as const)('%o → %s', (input, urgency, because) => {
    expect(suggestBiaUrgency(input)).toEqual({ urgency, because });
  });

  it('reads the indicators out of a screening outcome', () => {
    const signal = (indicator: string) => ({ source: 'registration' as const, fact: 'careSituation' as const, answer: 'x', indicator, strength: 'strong' as const, weight: 3, why: {} });
    const outcome: Pick<ScreeningOutcome, 'domains'> = {
      domains: [
        { domain: 'children_at_risk', level: 'high', score: 6, signals: [signal('unaccompanied_child'), signal('child_approached_with_offers')] },
        { domain: 'other', level: 'low', score: 3, signals: [signal('child_approached_with_offers')] },
      ],
    };
    expect(screeningIndicators(outcome)).toEqual(['unaccompanied_child', 'child_approached_with_offers']);
  });
});

describe('bidRequirement', () => {
  const none = { careSituation: 'with_parents', choosingDurableSolution: false, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false } as const;

  it('is not required for an ordinary decision', () => {
    expect(bidRequirement(none)).toEqual({ required: false, reasons: [] });
  });

  it('(a) a durable solution for an unaccompanied or separated child', () => {
    const r = bidRequirement({ ...none, careSituation: 'separated', choosingDurableSolution: true });
    expect(r.required).toBe(true);
    expect(r.reasons.map((x) => x.code)).toEqual(['durable_solution_for_separated_child']);
    expect(r.reasons[0]!.reason.en).toMatch(/durable solution/);
    expect(r.reasons[0]!.reason.ar.length).toBeGreaterThan(0);
    // The same choice for a child living with parents is part of the family's case.
    expect(bidRequirement({ ...none, choosingDurableSolution: true }).required).toBe(false);
  });

  it('(b) exceptional temporary care and (c) separation against the parents’ will, each with a reason in both languages', () => {
    const r = bidRequirement({ ...none, exceptionalTemporaryCare: true, mayBeSeparatedFromParentsAgainstTheirWill: true });
    expect(r.reasons.map((x) => x.code)).toEqual(['exceptional_temporary_care', 'separation_from_parents_against_will']);
    for (const reason of r.reasons) {
      expect(reason.reason.en).not.toBe('');
      expect(reason.reason.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
