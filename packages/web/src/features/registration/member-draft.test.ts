import { describe, expect, it } from 'vitest';
import { emptyMember, isChild, validateHousehold, validatePerson } from './member-draft';

const today = new Date('2026-06-01T00:00:00Z');
const adult = { ...emptyMember('0190f3a2-7b1c-7def-8abc-0123456789ab', 'head' as const), givenName: 'Amal', sex: 'female' as const, birthYear: '1990' };
const child = { ...emptyMember('0190f3a2-7b1c-7def-8abc-0123456789ac', 'child' as const), givenName: 'Yusuf', sex: 'male' as const, dateOfBirth: '2015-03-02' };

describe('registration drafts', () => {
  it('asks care situation of children only, never of an unborn date', () => {
    expect(isChild(child, today)).toBe(true);
    expect(isChild(adult, today)).toBe(false);
    expect(isChild({ ...adult, birthYear: '', dateOfBirth: '2099-01-01' }, today)).toBe(false);
  });

  it('drops a care situation left over from when the age said child', () => {
    const checked = validatePerson({ ...adult, careSituation: 'separated' }, null, undefined, today);
    expect(checked.ok && checked.body.careSituation).toBe(null);
  });

  it('reports problems at the same JSON Pointers the server uses', () => {
    const checked = validateHousehold([{ ...adult, sex: '' }, { ...child, relationshipToHead: '', dateOfBirth: '2030-01-01' }], null, undefined, today);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['/members/0/sex not_allowed', '/members/1/relationshipToHead not_allowed']);
    const dates = validateHousehold([adult, { ...child, dateOfBirth: '2030-01-01' }], null, undefined, today);
    expect(!dates.ok && dates.problems.map((p) => `${p.path} ${p.code}`)).toEqual(['/members/1/dateOfBirth born_in_future']);
  });

  it('builds a household body the contract accepts', () => {
    const checked = validateHousehold([adult, { ...child, languages: ['ar'], nationality: 'other', nationalityOther: 'syr' }], null, undefined, today);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.body.members[0]).toMatchObject({ givenName: 'Amal', birthYear: 1990, relationshipToHead: 'head' });
      expect(checked.body.members[1]).toMatchObject({ nationality: 'SYR', languages: ['ar'], dateOfBirth: '2015-03-02' });
    }
  });
});
