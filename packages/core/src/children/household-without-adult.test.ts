import { describe, expect, it } from 'vitest';
import { childrenWithoutAdult } from './household-without-adult';

const born = (id: string, birthYear: number | null, dateOfBirth: string | null = null) => ({ id, birthYear, dateOfBirth });

describe('children without an adult after a household change', () => {
  it('flags every child of a group with no adult', () => {
    expect(childrenWithoutAdult([born('a', 2012), born('b', 2018)], '2026-06-15')).toEqual(['a', 'b']);
  });

  it('flags nobody when one member is an adult', () => {
    expect(childrenWithoutAdult([born('a', 2012), born('mother', 1990)], '2026-06-15')).toEqual([]);
  });

  it('counts an 18th birthday from the date of birth, and a birth year as the youngest age possible', () => {
    expect(childrenWithoutAdult([born('a', 2012), born('sister', null, '2008-06-15')], '2026-06-15')).toEqual([]);
    expect(childrenWithoutAdult([born('a', 2012), born('sister', null, '2008-06-16')], '2026-06-15')).toEqual(['a', 'sister']);
    // Born "2008" may be 17 until 31 December: not yet an adult for this rule.
    expect(childrenWithoutAdult([born('a', 2012), born('sister', 2008)], '2026-06-15')).toEqual(['a', 'sister']);
  });

  it('takes nobody of unknown age for an adult, and flags nobody in an empty group', () => {
    expect(childrenWithoutAdult([born('a', 2012), born('unknown', null)], '2026-06-15')).toEqual(['a']);
    expect(childrenWithoutAdult([], '2026-06-15')).toEqual([]);
    expect(childrenWithoutAdult([born('unknown', null)], '2026-06-15')).toEqual([]);
  });
});
