import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { tinyInstrument } from '../instruments/fixture';
import type { ResponseValue } from './response-problems';
import { scoreScreening } from './score-screening';
import { adultSubject, childSubject } from './subject.fixture';
import type { ScreeningOutcome } from './outcome';
import type { ScreeningSubject } from './subject';

function score(responses: Record<string, ResponseValue>, subject: ScreeningSubject = adultSubject()): ScreeningOutcome {
  const result = scoreScreening(heightenedRiskV1, responses, subject);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const domain = (outcome: ScreeningOutcome, id: string) => outcome.domains.find((d) => d.domain === id);

describe('scoreScreening', () => {
  it('finds nothing when nothing is wrong, and says so', () => {
    const outcome = score({ mms_used_smuggler: 'no', lp_fears_return: 'no' });
    expect(outcome.riskLevel).toBe('low');
    expect(outcome.domains).toHaveLength(12);
    expect(outcome.recommendedActions).toEqual([]);
    expect(outcome.explanation.en).toContain('No risk indicator was found.');
    expect(outcome.explanation.ar?.length).toBeGreaterThan(0);
  });

  it('stamps the instrument, its version and its rule version', () => {
    const outcome = score({});
    expect(outcome).toMatchObject({ instrumentId: 'heightened-risk', instrumentVersion: 1, ruleVersion: heightenedRiskV1.ruleVersion });
  });

  it('puts a domain at high with one strong signal, at medium with one medium signal', () => {
    const outcome = score({ lp_fears_return: 'yes', tr_severe_distress: 'yes' });
    expect(domain(outcome, 'legal_protection')).toMatchObject({ level: 'high', score: 3 });
    expect(domain(outcome, 'trauma')).toMatchObject({ level: 'medium', score: 2 });
    expect(outcome.riskLevel).toBe('high');
  });

  it('puts a domain at medium with two weak signals but not with one', () => {
    expect(domain(score({}, adultSubject({ setting: 'urban' })), 'urban_unregistered')?.level).toBe('low');
    const twoWeak = score({ uu_speaks_local_language: 'no' }, adultSubject({ setting: 'urban' }));
    expect(domain(twoWeak, 'urban_unregistered')).toMatchObject({ level: 'medium', score: 2 });
  });

  it('puts a domain at high with three medium signals', () => {
    const outcome = score({ tr_grave_violence: 'yes', tr_severe_distress: 'yes', tr_risk_taking: 'yes' });
    expect(domain(outcome, 'trauma')).toMatchObject({ level: 'high', score: 6 });
  });

  it('raises the overall level one step when three domains are at medium or above, but never past high', () => {
    const three = score({ tr_severe_distress: 'yes', fs_rarely_leaves_home: 'yes', es_debt_to_landlord_or_employer: 'yes' });
    expect(three.compounding).toEqual({ applied: true, domainsAtMediumOrAbove: 3, levelBefore: 'medium', levelAfter: 'high' });
    expect(three.riskLevel).toBe('high');
    const two = score({ tr_severe_distress: 'yes', fs_rarely_leaves_home: 'yes' });
    expect(two.compounding.applied).toBe(false);
    expect(two.riskLevel).toBe('medium');
    const alreadyHigh = score({ lp_fears_return: 'yes', fs_rarely_leaves_home: 'yes', tr_severe_distress: 'yes' });
    expect(alreadyHigh.riskLevel).toBe('high');
    expect(alreadyHigh.compounding.applied).toBe(false);
  });

  it('counts registration facts as signals marked as coming from the record', () => {
    const outcome = score({}, adultSubject({ legalStatus: 'unregistered', yearsSinceArrival: 11 }));
    expect(domain(outcome, 'protracted_displacement')).toMatchObject({ level: 'high' });
    expect(domain(outcome, 'legal_protection')?.signals).toContainEqual(
      expect.objectContaining({ source: 'registration', fact: 'legalStatus', answer: 'unregistered', indicator: 'precarious_legal_status' }),
    );
    expect(outcome.explanation.en?.some((line) => line.includes('from the registration record'))).toBe(true);
  });

  it('shows which answer raised which indicator, with weight and why', () => {
    const outcome = score({ mms_owes_journey_debt: 'yes' });
    expect(domain(outcome, 'mixed_migration_smuggling')?.signals).toEqual([
      expect.objectContaining({ source: 'response', itemId: 'mms_owes_journey_debt', answer: 'yes', indicator: 'owes_journey_debt', strength: 'strong', weight: 3 }),
    ]);
    const line = outcome.explanation.en?.find((l) => l.includes('Owes money for the journey'));
    expect(line).toContain('weight 3');
    expect(line).toContain('Do you or your family still owe money');
    expect(line).toContain('Travel now, pay later');
  });

  it('accepts true and false for yes/no items', () => {
    expect(score({ lp_fears_return: true })).toEqual(score({ lp_fears_return: 'yes' }));
    expect(score({ lp_fears_return: false })).toEqual(score({ lp_fears_return: 'no' }));
  });

  it('gives one signal per chosen risk choice of a multiple-choice item', () => {
    const outcome = score({ lp_document_problems: ['expired', 'held_by_another_person'] });
    expect(domain(outcome, 'legal_protection')?.signals.map((s) => s.indicator)).toEqual([
      'documents_expired_or_confiscated',
      'documents_held_by_another_person',
    ]);
  });

  it('weighs a number by its band', () => {
    expect(domain(score({ eb_times_pushed_back: 0 }), 'enforcement_border')?.score).toBe(0);
    expect(domain(score({ eb_times_pushed_back: 3 }), 'enforcement_border')).toMatchObject({ level: 'medium', score: 2 });
  });

  it('weighs a date by its band', () => {
    const result = scoreScreening(tinyInstrument(), { left_on: '2009-05-01' }, adultSubject());
    expect(result.ok && result.value.domains.find((d) => d.domain === 'travel')?.score).toBe(1);
  });

  it('turns a skipped sensitive question into a follow-up, not a guess', () => {
    const outcome = score({ sg_sexual_violence: 'prefer_not_to_answer', uu_speaks_local_language: 'prefer_not_to_answer' });
    expect(outcome.followUps).toEqual([{ itemId: 'sg_sexual_violence', domain: 'sgbv_coercion', reason: 'prefer_not_to_answer' }]);
    expect(domain(outcome, 'sgbv_coercion')?.score).toBe(0);
    expect(outcome.explanation.en?.some((l) => l.startsWith('Not answered, to follow up'))).toBe(true);
  });

  it.each([
    ['someone holds their documents', { mms_documents_held: 'yes' }, adultSubject(), 'current_control_by_another_person'],
    ['wages withheld now', { es_exploitative_work: 'yes_now' }, adultSubject(), 'current_control_by_another_person'],
    ['an unaccompanied child with no carer', { cr_current_carer: 'no_one' }, childSubject({ careSituation: 'unaccompanied' }), 'unaccompanied_child_without_carer'],
    ['an unaccompanied child alone in the household', {}, childSubject({ careSituation: 'unaccompanied', otherAdultsInHousehold: 0 }), 'unaccompanied_child_without_carer'],
    ['a separated child approached', { cr_approached_with_offers: 'yes' }, childSubject({ careSituation: 'separated' }), 'separated_child_approached'],
    ['a journey debt and imminent onward movement', { mms_owes_journey_debt: 'yes', mms_onward_plans: 'yes_within_weeks' }, adultSubject(), 'journey_debt_and_imminent_onward_movement'],
    ['sexual violence in the last 72 hours', { sg_sexual_violence: 'yes_last_72_hours' }, adultSubject(), 'sexual_violence_last_72_hours'],
    ['a child recruited by an armed group', { ci_armed_group_approach: 'yes_child' }, adultSubject(), 'child_recruited_by_armed_group'],
  ] as const)('makes %s critical whatever the sum', (_name, responses, subject, override) => {
    const outcome = score(responses, subject);
    expect(outcome.riskLevel).toBe('critical');
    expect(outcome.overrides.map((o) => o.id)).toContain(override);
    expect(outcome.recommendedActions[0]?.override).not.toBeNull();
    expect(outcome.explanation.en?.[1]).toMatch(/^Critical whatever the score/);
  });

  it('does not call a past exploitation or an older assault critical on its own', () => {
    expect(score({ es_exploitative_work: 'yes_in_the_past' }).riskLevel).toBe('high');
    expect(score({ sg_sexual_violence: 'yes_earlier' }).riskLevel).toBe('high');
  });

  it('suggests each domain’s actions at its level, the most urgent first, each action once', () => {
    const outcome = score({ cr_approached_with_offers: 'yes', cr_in_school: 'no' }, childSubject({ careSituation: 'separated' }));
    const ids = outcome.recommendedActions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(outcome.recommendedActions.find((a) => a.id === 'best_interests_assessment')).toMatchObject({ urgency: 'within_2_days', override: 'separated_child_approached' });
    expect(outcome.recommendedActions.find((a) => a.id === 'education_referral')).toMatchObject({ urgency: 'within_1_week', domain: 'children_at_risk' });
    const order = ['immediate', 'within_2_days', 'within_1_week', 'within_30_days'];
    const ranks = outcome.recommendedActions.map((a) => order.indexOf(a.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('keeps high-only actions for high domains', () => {
    const medium = score({ tr_severe_distress: 'yes', ci_armed_actors_nearby: 'yes' });
    expect(medium.recommendedActions.map((a) => a.id)).not.toContain('relocation');
    const high = score({ ci_threatened_or_attacked: 'yes' });
    expect(high.recommendedActions.map((a) => a.id)).toContain('relocation');
  });

  it('is plain JSON: the outcome survives a round trip unchanged', () => {
    const outcome = score({ mms_owes_journey_debt: 'yes', eb_times_pushed_back: 2 }, adultSubject({ setting: 'urban' }));
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('returns problems instead of an outcome for bad responses', () => {
    const result = scoreScreening(heightenedRiskV1, { nope: 'yes' }, adultSubject());
    expect(result).toEqual({ ok: false, error: [{ code: 'unknown_item', path: ['responses', 'nope'], message: expect.any(String) }] });
  });
});
