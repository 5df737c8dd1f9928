import type { ScreeningSubject } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { answer, applicable, toggleChoice, type ShowIfItem } from './applicable';

const adult: ScreeningSubject = {
  ageYears: 30,
  sex: 'female',
  setting: 'urban',
  legalStatus: 'unregistered',
  careSituation: null,
  documents: [],
  householdSize: 1,
  isHeadOfHousehold: true,
  dependantsInHousehold: 0,
  otherAdultsInHousehold: 0,
  yearsSinceArrival: 2,
};
const child: ScreeningSubject = { ...adult, ageYears: 12 };

const items: ShowIfItem[] = [
  { id: 'used_smuggler' },
  { id: 'owes_debt', showIf: { item: 'used_smuggler', equals: 'yes' } },
  { id: 'debt_amount', showIf: { item: 'owes_debt', equals: 'yes' } },
  { id: 'in_school', showIf: { fact: 'ageYears', lt: 18 } },
  { id: 'work_kinds' },
  { id: 'hazardous', showIf: { item: 'work_kinds', includes: 'construction' } },
];

describe('applicable', () => {
  it('shows follow-on questions only after the answer that opens them', () => {
    expect([...applicable(items, {}, adult).visible]).toEqual(['used_smuggler', 'work_kinds']);
    expect([...applicable(items, { used_smuggler: 'yes' }, adult).visible]).toContain('owes_debt');
  });

  it('reads registration facts such as age', () => {
    expect(applicable(items, {}, child).visible.has('in_school')).toBe(true);
    expect(applicable(items, {}, adult).visible.has('in_school')).toBe(false);
  });

  it('never sends an answer to a hidden item', () => {
    const draft = { used_smuggler: 'no', owes_debt: 'yes', debt_amount: 500 };
    expect(applicable(items, draft, adult).responses).toEqual({ used_smuggler: 'no' });
  });

  it('keeps "prefer not to answer" as an answer that opens nothing', () => {
    const result = applicable(items, { used_smuggler: 'prefer_not_to_answer' }, adult);
    expect(result.responses).toEqual({ used_smuggler: 'prefer_not_to_answer' });
    expect(result.visible.has('owes_debt')).toBe(false);
  });

  it('opens items from a multiple-choice answer', () => {
    expect(applicable(items, { work_kinds: ['construction'] }, adult).visible.has('hazardous')).toBe(true);
  });
});

describe('answer', () => {
  it('clears answers that a change hides, all the way down', () => {
    let draft = answer(items, {}, 'used_smuggler', 'yes', adult);
    draft = answer(items, draft, 'owes_debt', 'yes', adult);
    draft = answer(items, draft, 'debt_amount', 800, adult);
    expect(draft).toEqual({ used_smuggler: 'yes', owes_debt: 'yes', debt_amount: 800 });
    expect(answer(items, draft, 'used_smuggler', 'no', adult)).toEqual({ used_smuggler: 'no' });
  });

  it('drops an emptied answer', () => {
    expect(answer(items, { work_kinds: ['farm'] }, 'work_kinds', [], adult)).toEqual({});
  });
});

describe('toggleChoice', () => {
  it('adds and removes choices, and "prefer not to answer" stands alone', () => {
    expect(toggleChoice(undefined, 'farm', true)).toEqual(['farm']);
    expect(toggleChoice(['farm'], 'shop', true)).toEqual(['farm', 'shop']);
    expect(toggleChoice(['farm'], 'farm', false)).toBeUndefined();
    expect(toggleChoice(['farm'], 'prefer_not_to_answer', true)).toBe('prefer_not_to_answer');
    expect(toggleChoice('prefer_not_to_answer', 'farm', true)).toEqual(['farm']);
  });
});
