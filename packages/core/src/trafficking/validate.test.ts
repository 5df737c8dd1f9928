import { describe, expect, it } from 'vitest';
import { assessTrafficking } from './assess';
import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';
import type { TraffickingProblem } from './problems';
import { TODAY, agedContext, blankInput } from './trafficking.fixture';

function problems(input: TraffickingAssessmentInput, context: TraffickingAssessmentContext = agedContext(30)): Pick<TraffickingProblem, 'code' | 'path'>[] {
  const result = assessTrafficking(input, context);
  if (result.ok) throw new Error('expected problems');
  for (const p of result.error) expect(p.message).not.toBe('');
  return result.error.map(({ code, path }) => ({ code, path }));
}

const noDates = { firstContact: null, exploitationStart: null, exploitationEnd: null };

describe('assessTrafficking: bad input', () => {
  it('names each unknown code with its place', () => {
    expect(
      problems(
        blankInput({
          acts: ['recruitment', 'kidnap'],
          means: ['bribery'],
          purposes: ['ForcedLabour'],
          exploitationTypes: ['forced_labour'],
          controlMethods: ['Threats'],
          stageReached: 'transit',
          iloIndicators: [{ code: 'overtime', evidenceNoteId: 'n1' }],
        }),
      ),
    ).toEqual([
      { code: 'unknown_code', path: ['acts', 1] },
      { code: 'unknown_code', path: ['means', 0] },
      { code: 'unknown_code', path: ['purposes', 0] },
      { code: 'unknown_code', path: ['exploitationTypes', 0] },
      { code: 'unknown_code', path: ['controlMethods', 0] },
      { code: 'unknown_code', path: ['iloIndicators', 0, 'code'] },
      { code: 'unknown_code', path: ['stageReached'] },
    ]);
  });

  it('refuses a code given twice, and an indicator given twice with the same note', () => {
    expect(
      problems(
        blankInput({
          acts: ['receipt', 'receipt'],
          iloIndicators: [
            { code: 'isolation', evidenceNoteId: 'n1' },
            { code: 'isolation', evidenceNoteId: 'n1' },
          ],
        }),
      ),
    ).toEqual([
      { code: 'duplicate_code', path: ['acts', 1] },
      { code: 'duplicate_code', path: ['iloIndicators', 1] },
    ]);
  });

  it('takes a note id as evidence, never narrative', () => {
    expect(problems(blankInput({ iloIndicators: [{ code: 'isolation', evidenceNoteId: 'She was locked in the house' }] }))).toEqual([
      { code: 'invalid_note_id', path: ['iloIndicators', 0, 'evidenceNoteId'] },
    ]);
    expect(problems(blankInput({ iloIndicators: [{ code: 'isolation', evidenceNoteId: '' }] }))).toEqual([
      { code: 'invalid_note_id', path: ['iloIndicators', 0, 'evidenceNoteId'] },
    ]);
  });

  it('refuses a date that is not a calendar day', () => {
    expect(problems(blankInput({ dates: { ...noDates, exploitationStart: '2025-02-30' } }))).toEqual([{ code: 'invalid_date', path: ['dates', 'exploitationStart'] }]);
  });

  it('refuses a date in the future', () => {
    expect(problems(blankInput({ dates: { ...noDates, exploitationEnd: '2026-06-16' } }))).toEqual([{ code: 'date_in_future', path: ['dates', 'exploitationEnd'] }]);
    expect(assessTrafficking(blankInput({ dates: { ...noDates, exploitationEnd: TODAY } }), agedContext(30)).ok).toBe(true);
  });

  it('refuses dates out of order, at the later date', () => {
    expect(problems(blankInput({ dates: { firstContact: '2025-05-01', exploitationStart: '2025-04-01', exploitationEnd: null } }))).toEqual([
      { code: 'dates_out_of_order', path: ['dates', 'exploitationStart'] },
    ]);
    expect(problems(blankInput({ dates: { firstContact: '2025-05-01', exploitationStart: null, exploitationEnd: '2025-01-01' } }))).toEqual([
      { code: 'dates_out_of_order', path: ['dates', 'exploitationEnd'] },
    ]);
    expect(problems(blankInput({ dates: { firstContact: null, exploitationStart: '2025-05-01', exploitationEnd: '2025-04-30' } }))).toEqual([
      { code: 'dates_out_of_order', path: ['dates', 'exploitationEnd'] },
    ]);
  });

  it('refuses a date before the person was born', () => {
    expect(problems(blankInput({ dates: { ...noDates, firstContact: '2009-12-31' } }), agedContext(16, { dateOfBirth: '2010-01-01' }))).toEqual([
      { code: 'date_before_birth', path: ['dates', 'firstContact'] },
    ]);
  });

  it('refuses an impossible age or date of birth', () => {
    expect(problems(blankInput(), agedContext(-1))).toEqual([{ code: 'invalid_age', path: ['ageAtAssessment'] }]);
    expect(problems(blankInput(), agedContext(12.5))).toEqual([{ code: 'invalid_age', path: ['ageAtAssessment'] }]);
    expect(problems(blankInput(), agedContext(null, { dateOfBirth: '2027-01-01' }))).toEqual([{ code: 'invalid_date', path: ['dateOfBirth'] }]);
  });

  it('refuses the child rule for someone the record shows was an adult at the time of the acts', () => {
    expect(problems(blankInput({ underEighteenAtActs: true }), agedContext(30))).toEqual([{ code: 'child_rule_adult', path: ['underEighteenAtActs'] }]);
    expect(
      problems(
        blankInput({ underEighteenAtActs: true, dates: { ...noDates, firstContact: '2020-01-01' } }),
        agedContext(null, { dateOfBirth: '2001-01-01' }),
      ),
    ).toEqual([{ code: 'child_rule_adult', path: ['underEighteenAtActs'] }]);
  });

  it('reports a wrong code and a wrong child rule together', () => {
    expect(problems(blankInput({ acts: ['kidnap'], underEighteenAtActs: true }), agedContext(30))).toEqual([
      { code: 'unknown_code', path: ['acts', 0] },
      { code: 'child_rule_adult', path: ['underEighteenAtActs'] },
    ]);
  });

  it('refuses the adult rule for someone the record shows was a child at the time of the acts', () => {
    expect(problems(blankInput({ underEighteenAtActs: false }), agedContext(15))).toEqual([{ code: 'adult_rule_child', path: ['underEighteenAtActs'] }]);
  });

  it('lets the caseworker settle an age the record leaves open', () => {
    const input = blankInput({ acts: ['recruitment'], purposes: ['servitude'], underEighteenAtActs: false, dates: { ...noDates, firstContact: '2024-12-15' } });
    const result = assessTrafficking(input, agedContext(19));
    expect(result.ok && result.value.age).toMatchObject({ childRuleApplies: false, basis: 'stated' });
  });
});
