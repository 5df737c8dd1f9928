import { describe, expect, it } from 'vitest';
import { assessTrafficking } from './assess';
import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';
import type { TraffickingAssessment } from './outcome';
import { agedContext, blankInput } from './trafficking.fixture';

function assess(input: TraffickingAssessmentInput, context: TraffickingAssessmentContext): TraffickingAssessment {
  const result = assessTrafficking(input, context);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.error)}`);
  return result.value;
}

function reason(a: TraffickingAssessment, key: string): { en: string; ar: string } {
  const found = a.reasons.find((r) => r.key === key);
  if (!found) throw new Error(`no ${key} reason`);
  return found.text;
}

const actAndPurpose = blankInput({ acts: ['recruitment'], purposes: ['sexual_exploitation'] });

describe('assessTrafficking: the child rule', () => {
  it('a 16-year-old with act and purpose and no means is a presumed victim', () => {
    const a = assess(actAndPurpose, agedContext(16));
    expect(a.outcome).toBe('presumed_victim');
    expect(a.age).toMatchObject({ childRuleApplies: true, basis: 'age_at_assessment' });
    expect(a.elements.means).toEqual({ required: false, present: false, found: [] });
    expect(reason(a, 'age_rule').en).toContain('child rule applies');
    expect(reason(a, 'means').en).toContain('not needed under the child rule');
    expect(reason(a, 'age_rule').ar).toContain('قاعدة الطفل');
  });

  it('a 30-year-old with the same is at risk, and the reasoning says means are missing', () => {
    const a = assess(actAndPurpose, agedContext(30));
    expect(a.outcome).toBe('at_risk');
    expect(a.age).toMatchObject({ childRuleApplies: false });
    expect(reason(a, 'means').en).toBe('Means missing: none recorded, and it is required.');
    expect(reason(a, 'outcome').en).toContain('missing Means');
    expect(reason(a, 'age_rule').en).toContain('does not apply');
    expect(a.requiredActions).toEqual([]);
  });

  it('uses the age at the time of the acts, not today: 19 now but 16 at recruitment is a child', () => {
    const a = assess({ ...actAndPurpose, dates: { firstContact: '2023-03-01', exploitationStart: null, exploitationEnd: null } }, agedContext(19, { dateOfBirth: '2007-01-10' }));
    expect(a.age).toMatchObject({ childRuleApplies: true, basis: 'date_of_birth', range: { min: 16, max: 16 }, actsDate: '2023-03-01' });
    expect(a.outcome).toBe('presumed_victim');
  });

  it('presumes a child when the age then may have been under 18 (19 now, acts 1½ years ago)', () => {
    const a = assess({ ...actAndPurpose, dates: { firstContact: '2024-12-15', exploitationStart: null, exploitationEnd: null } }, agedContext(19));
    expect(a.age).toMatchObject({ childRuleApplies: true, basis: 'presumed_child', range: { min: 17, max: 18 } });
    expect(reason(a, 'age_rule').en).toContain('presumption of minority');
  });

  it('with no age at all, uses the adult rule and asks for the age', () => {
    const a = assess(actAndPurpose, agedContext(null));
    expect(a.outcome).toBe('at_risk');
    expect(a.age.basis).toBe('unknown');
    expect(reason(a, 'age_rule').en).toContain('record their age');
  });

  it("with no age on record, the caseworker's record of under 18 applies the child rule", () => {
    const a = assess({ ...actAndPurpose, underEighteenAtActs: true }, agedContext(null));
    expect(a.age).toMatchObject({ childRuleApplies: true, basis: 'stated' });
    expect(a.outcome).toBe('presumed_victim');
  });
});

describe('assessTrafficking: outcomes', () => {
  it('an adult with act, means and purpose is a presumed victim, with protection and a referral offer', () => {
    const a = assess(blankInput({ acts: ['transportation'], means: ['deception'], purposes: ['forced_labour_or_services'] }), agedContext(30));
    expect(a.outcome).toBe('presumed_victim');
    expect(reason(a, 'outcome').en).toMatch(/^Presumed victim of trafficking: every required element is present \(Act, Means, Purpose\)/);
    expect(reason(a, 'outcome').ar).toContain('ضحية مفترضة');
    expect(a.requiredActions.map((r) => [r.kind, r.urgency, r.consentPurpose, r.partnerType])).toEqual([
      ['immediate_protection', 'immediate', null, null],
      ['referral_offer', 'within_2_days', 'referral', 'anti_trafficking'],
    ]);
    for (const action of a.requiredActions) expect(action.label.ar).not.toBe('');
  });

  it('a child presumed victim gets the child-protection wording', () => {
    const a = assess(actAndPurpose, agedContext(12));
    expect(a.requiredActions[0]?.label.en).toContain('child-protection focal point');
  });

  it('nothing recorded is not indicated', () => {
    const a = assess(blankInput(), agedContext(30));
    expect(a.outcome).toBe('not_indicated');
    expect(a.requiredActions).toEqual([]);
    expect(reason(a, 'outcome').en).toContain('Trafficking not indicated');
    expect(a.reasons.every((r) => r.text.en !== '' && r.text.ar !== '')).toBe(true);
  });

  it('one ILO indicator alone is below the threshold; two make the person at risk', () => {
    const one = assess(blankInput({ iloIndicators: [{ code: 'excessive_overtime', evidenceNoteId: 'n1' }] }), agedContext(30));
    expect(one.outcome).toBe('not_indicated');
    expect(reason(one, 'ilo_indicators').en).toContain('Below the screening threshold of 2');
    const two = assess(
      blankInput({
        iloIndicators: [
          { code: 'excessive_overtime', evidenceNoteId: 'n1' },
          { code: 'withholding_of_wages', evidenceNoteId: 'n2' },
        ],
      }),
      agedContext(30),
    );
    expect(two.outcome).toBe('at_risk');
  });

  it('the same indicator on two notes counts once', () => {
    const a = assess(
      blankInput({
        iloIndicators: [
          { code: 'isolation', evidenceNoteId: 'n2' },
          { code: 'isolation', evidenceNoteId: 'n1' },
        ],
      }),
      agedContext(30),
    );
    expect(a.iloIndicators.observed).toEqual([{ code: 'isolation', evidenceNoteIds: ['n1', 'n2'] }]);
    expect(a.outcome).toBe('not_indicated');
  });

  it('finds means through a method of control or an ILO indicator, and purpose through exploitation that took place, saying so', () => {
    const a = assess(
      blankInput({ acts: ['harbouring'], controlMethods: ['PhysicalAbuse'], exploitationTypes: ['ForcedBegging'] }),
      agedContext(30),
    );
    expect(a.outcome).toBe('presumed_victim');
    expect(a.elements.means.found).toEqual([{ code: 'force', via: 'control_method', from: 'PhysicalAbuse' }]);
    expect(a.elements.purpose.found).toEqual([{ code: 'forced_begging', via: 'exploitation_type', from: 'ForcedBegging' }]);
    expect(reason(a, 'means').en).toBe('Means found: Use of force (from the method of control: Physical abuse).');
    expect(reason(a, 'purpose').ar).toContain('التسوّل القسري');

    const viaIndicator = assess(
      blankInput({ acts: ['recruitment'], purposes: ['servitude'], iloIndicators: [{ code: 'deception', evidenceNoteId: 'note-7' }] }),
      agedContext(30),
    );
    expect(viaIndicator.outcome).toBe('presumed_victim');
    expect(viaIndicator.elements.means.found).toEqual([{ code: 'deception', via: 'ilo_indicator', from: 'deception' }]);
  });

  it('a method of control that is not itself a means does not supply the means', () => {
    const a = assess(blankInput({ ...actAndPurpose, controlMethods: ['WithholdsDocuments'] }), agedContext(30));
    expect(a.outcome).toBe('at_risk');
    expect(reason(a, 'control_methods').en).toBe('Methods of control recorded: Withholds documents.');
  });

  it('reports the stage reached', () => {
    const a = assess(blankInput({ stageReached: 'movement' }), agedContext(30));
    expect(reason(a, 'stage')).toEqual({ en: 'Stage reached: Movement.', ar: 'المرحلة التي بُلغت: النقل.' });
  });
});
