import { describe, expect, it } from 'vitest';
import { suggestCategories, type CategoryFacts } from './suggest-categories';
import { rolesReadingAll, withholdReasons } from './withhold-reasons';

const facts = (sgbv: 'low' | 'high' | 'critical', women: 'low' | 'high'): CategoryFacts => ({
  members: [{ personId: 'p1', sex: 'female', age: 30, screeningDomains: { sgbv_coercion: sgbv, women_at_risk: women }, screeningRisk: 'high' }],
  assessment: null,
  yearsInDisplacement: null,
});
const why = () => ({ topics: ['sgbv' as const], readableBy: rolesReadingAll(['sgbv']) });

describe('withholdReasons', () => {
  it('keeps every category of the whole facts and withholds the words of a reason the reader’s view does not give', () => {
    const shown = withholdReasons(suggestCategories(facts('critical', 'low')), suggestCategories(facts('low', 'low')), why);
    expect(shown.map((s) => s.category)).toEqual(['women_girls_at_risk']);
    const [reason] = shown[0]!.reasons;
    expect(reason!.withheld?.readableBy).toEqual(expect.arrayContaining(['supervisor', 'protection_officer']));
    expect(reason!.withheld?.readableBy).not.toContain('caseworker');
    expect(`${reason!.en} ${reason!.ar}`).not.toMatch(/sexual|critical|العنف/);
  });

  it('shows a reason the reader’s own view gives, and one marker however many sealed reasons a member has', () => {
    const whole = suggestCategories(facts('high', 'high'));
    expect(whole[0]!.reasons).toHaveLength(2);
    const shown = withholdReasons(whole, suggestCategories(facts('low', 'high')), why);
    expect(shown[0]!.reasons.map((r) => r.withheld === undefined)).toEqual([true, false]);
    const none = withholdReasons(whole, [], why);
    expect(none[0]!.reasons).toHaveLength(1);
  });

  it('hides nothing from a reader who sees what was scored', () => {
    const whole = suggestCategories(facts('critical', 'high'));
    expect(withholdReasons(whole, whole, why)).toEqual(whole);
  });

  it('the roles that read every topic are those reading each', () => {
    expect(rolesReadingAll(['sgbv', 'trafficking'])).not.toContain('partner_caseworker');
    expect(rolesReadingAll(['trafficking'])).toContain('partner_caseworker');
    expect(rolesReadingAll([])).toEqual([]);
  });
});
