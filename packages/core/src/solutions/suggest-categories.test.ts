import { describe, expect, it } from 'vitest';
import { assessment, notAssessed, notFeasible } from './fixtures.test-helpers';
import { suggestCategories, type CategoryFacts, type MemberFacts } from './suggest-categories';

const facts = (members: MemberFacts[], more: Partial<CategoryFacts> = {}): CategoryFacts => ({
  members,
  assessment: assessment(),
  yearsInDisplacement: 1,
  ...more,
});
const suggested = (f: CategoryFacts) => suggestCategories(f).map((s) => [s.category, s.reasons.map((r) => r.rule)]);

describe('suggested categories', () => {
  it('suggests nothing when nothing points to a category', () => {
    expect(suggestCategories(facts([{ personId: 'p' }]))).toEqual([]);
  });

  it('women and girls at risk: a woman or girl with high or critical women-at-risk or SGBV risk', () => {
    expect(suggested(facts([{ personId: 'w', sex: 'female', age: 34, screeningDomains: { women_at_risk: 'high' } }]))).toEqual([
      ['women_girls_at_risk', ['woman_or_girl_at_high_risk']],
    ]);
    expect(suggested(facts([{ personId: 'g', sex: 'female', age: 15, screeningDomains: { sgbv_coercion: 'critical' } }]))).toEqual([
      ['women_girls_at_risk', ['woman_or_girl_at_high_risk']],
    ]);
    expect(suggested(facts([{ personId: 'w', sex: 'female', screeningDomains: { women_at_risk: 'medium' } }]))).toEqual([]);
    expect(suggested(facts([{ personId: 'm', sex: 'male', screeningDomains: { sgbv_coercion: 'high' } }]))).toEqual([]);
  });

  it('children at risk: a child whose BID (or BIA) recommends resettlement', () => {
    const s = suggestCategories(facts([{ personId: 'c', age: 12, bestInterests: { procedure: 'bid', recommendation: 'resettlement' } }]));
    expect(s.map((x) => x.category)).toEqual(['children_adolescents_at_risk']);
    expect(s[0]?.reasons[0]).toMatchObject({ rule: 'child_best_interests_resettlement', personId: 'c' });
    expect(s[0]?.reasons[0]?.en).toContain('BID');
    expect(suggested(facts([{ personId: 'c', age: 12, bestInterests: { procedure: 'bid', recommendation: 'local_integration' } }]))).toEqual([]);
    expect(suggested(facts([{ personId: 'a', age: 19, bestInterests: { procedure: 'bid', recommendation: 'resettlement' } }]))).toEqual([]);
  });

  it('survivors of violence and torture: a presumed victim of trafficking or a survivor', () => {
    expect(suggested(facts([{ personId: 'v', traffickingFinding: 'presumed_victim' }, { personId: 's', survivorOfViolenceOrTorture: true }]))).toEqual([
      ['survivors_violence_torture', ['presumed_victim_of_trafficking', 'survivor_of_violence_or_torture']],
    ]);
    expect(suggested(facts([{ personId: 'v', traffickingFinding: 'at_risk' }]))).toEqual([]);
  });

  it('legal and physical protection: refoulement risk or critical legal protection need', () => {
    expect(suggested(facts([{ personId: 'r', refoulementRisk: true }]))).toEqual([['legal_physical_protection', ['refoulement_risk']]]);
    expect(suggested(facts([{ personId: 'l', screeningDomains: { legal_protection: 'high' }, screeningRisk: 'critical' }]))).toEqual([
      ['legal_physical_protection', ['legal_protection_critical']],
    ]);
    expect(suggested(facts([{ personId: 'l', screeningDomains: { legal_protection: 'high' }, screeningRisk: 'high' }]))).toEqual([]);
  });

  it('medical needs only with all four criteria; family reunification with family in a resettlement country', () => {
    const met = { lifeThreateningOrIrreversible: true, treatmentUnavailableLocally: true, favourablePrognosis: true, informedConsent: true };
    expect(suggested(facts([{ personId: 'm', medicalCriteria: met }]))).toEqual([['medical_needs', ['medical_criteria_met']]]);
    expect(suggested(facts([{ personId: 'm', medicalCriteria: { ...met, informedConsent: false } }]))).toEqual([]);
    expect(suggested(facts([{ personId: 'f', familyInResettlementCountry: true }]))).toEqual([['family_reunification', ['family_in_resettlement_country']]]);
  });

  it('lack of alternative solutions (as secondary): protracted and neither alternative feasible', () => {
    const blocked = assessment({ voluntary_repatriation: notFeasible(), local_integration: notFeasible() });
    const s = suggestCategories(facts([{ personId: 'p' }], { assessment: blocked, yearsInDisplacement: 7 }));
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ category: 'lack_of_alternative_solutions', usualRole: 'secondary' });
    expect(s[0]?.reasons[0]).toMatchObject({ rule: 'protracted_without_alternative', personId: null });
    expect(s[0]?.reasons[0]?.ar).toContain('7 سنوات');
    expect(suggested(facts([{ personId: 'p' }], { assessment: blocked, yearsInDisplacement: 4 }))).toEqual([]);
    expect(suggested(facts([{ personId: 'p' }], { assessment: assessment({ voluntary_repatriation: notFeasible() }), yearsInDisplacement: 9 }))).toEqual([]);
    expect(suggested(facts([{ personId: 'p' }], { assessment: assessment({ voluntary_repatriation: notFeasible(), local_integration: notAssessed }), yearsInDisplacement: 9 }))).toEqual([]);
  });

  it('lists categories in the Handbook order, usually-secondary last, each reason naming its member', () => {
    const blocked = assessment({ voluntary_repatriation: notFeasible(), local_integration: notFeasible() });
    const s = suggestCategories(
      facts(
        [
          { personId: 'child', age: 9, bestInterests: { procedure: 'bia', recommendation: 'resettlement' } },
          { personId: 'mother', sex: 'female', age: 31, screeningDomains: { women_at_risk: 'high' }, refoulementRisk: true },
        ],
        { assessment: blocked, yearsInDisplacement: 12 },
      ),
    );
    expect(s.map((x) => [x.category, x.usualRole])).toEqual([
      ['legal_physical_protection', 'primary'],
      ['women_girls_at_risk', 'primary'],
      ['children_adolescents_at_risk', 'primary'],
      ['lack_of_alternative_solutions', 'secondary'],
    ]);
    expect(s[2]?.reasons[0]?.personId).toBe('child');
  });
});
