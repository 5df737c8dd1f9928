import type { FieldProblem } from '@waymark/contracts';
import { describe, expect, it } from 'vitest';
import { addDays, carerCandidates, isChild, isIsoDay, isOverdue, problemsAt, todayIso, withoutParents } from './child-facts';

describe('child facts for the best-interests section', () => {
  it('counts a person as a child by exact age first, then by age bracket', () => {
    expect(isChild({ age: 12, ageBracket: '12-17' })).toBe(true);
    expect(isChild({ age: 18, ageBracket: '18-59' })).toBe(false);
    expect(isChild({ age: 17, ageBracket: null })).toBe(true);
    expect(isChild({ age: null, ageBracket: '5-11' })).toBe(true);
    expect(isChild({ age: null, ageBracket: '60+' })).toBe(false);
    expect(isChild({ age: null, ageBracket: null })).toBe(false);
  });

  it('treats separated, unaccompanied and alternative care as without parents, as the server does', () => {
    expect(withoutParents({ careSituation: 'separated' })).toBe(true);
    expect(withoutParents({ careSituation: 'unaccompanied' })).toBe(true);
    expect(withoutParents({ careSituation: 'foster_kinship_carer' })).toBe(true);
    expect(withoutParents({ careSituation: 'with_parents' })).toBe(false);
    expect(withoutParents({ careSituation: null })).toBe(false);
  });

  it('adds calendar days across month and year ends, and knows a valid day', () => {
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(isIsoDay('2026-11-25')).toBe(true);
    expect(isIsoDay('2026-11-3')).toBe(false);
    expect(isIsoDay('')).toBe(false);
    expect(todayIso(new Date('2026-11-25T23:59:00Z'))).toBe('2026-11-25');
  });

  it('is overdue only after the due day', () => {
    expect(isOverdue('2026-11-24', '2026-11-25')).toBe(true);
    expect(isOverdue('2026-11-25', '2026-11-25')).toBe(false);
  });

  it('finds the problems at exactly one field path', () => {
    const problems: FieldProblem[] = [
      { path: '/panel', code: 'panel_required', message: '' },
      { path: '/panel/1/role', code: 'role_required', message: '' },
      { path: '/childViews/reasons', code: 'child_views_reasons_required', message: '' },
    ];
    expect(problemsAt(problems, 'panel').map((p) => p.code)).toEqual(['panel_required']);
    expect(problemsAt(problems, 'panel', 1, 'role').map((p) => p.code)).toEqual(['role_required']);
    expect(problemsAt(problems, 'panel', 0, 'role')).toEqual([]);
    expect(problemsAt(problems, 'childViews', 'reasons')).toHaveLength(1);
  });
});

describe('carerCandidates', () => {
  const member = (id: string, age: number | null, ageBracket: string | null = null) => ({ id, age, ageBracket: ageBracket as never });
  const members = [member('child', 9), member('mother', 40), member('brother', 15), member('uncle', null, '18-59'), member('unknown', null)];
  it('offers adults (and people of unknown age) only, never the child', () => {
    expect(carerCandidates(members, 'child', 'foster').map((m) => m.id)).toEqual(['mother', 'uncle', 'unknown']);
  });
  it('offers the children too for a child-headed household', () => {
    expect(carerCandidates(members, 'child', 'child_headed_household').map((m) => m.id)).toEqual(['mother', 'brother', 'uncle', 'unknown']);
  });
});
