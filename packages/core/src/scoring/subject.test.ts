import { describe, expect, it } from 'vitest';
import type { PersonRegistration } from '../registration/person';
import { subjectFromRegistration } from './subject';

const today = new Date('2026-03-01T00:00:00Z');

function person(overrides: Partial<PersonRegistration> = {}): PersonRegistration {
  return {
    givenName: 'Fatima',
    familyName: 'Al-Hassan',
    otherNames: [],
    originalScriptName: 'فاطمة الحسن',
    sex: 'female',
    dateOfBirth: '1990-06-15',
    birthYear: null,
    birthYearEstimated: false,
    nationality: 'SYR',
    languages: ['ar'],
    siteId: null,
    setting: 'urban',
    adminAreaCode: null,
    legalStatus: 'registered_refugee',
    documents: ['refugee_certificate'],
    arrivalDate: '2016-03-02',
    householdId: null,
    relationshipToHead: 'head',
    careSituation: null,
    ...overrides,
  };
}

describe('subjectFromRegistration', () => {
  it('works out ages and years since arrival against the given day', () => {
    const subject = subjectFromRegistration(person(), null, today);
    expect(subject).toMatchObject({ ageYears: 35, yearsSinceArrival: 9, sex: 'female', setting: 'urban' });
    expect(subjectFromRegistration(person({ arrivalDate: '2016-03-01' }), null, today).yearsSinceArrival).toBe(10);
    expect(subjectFromRegistration(person({ arrivalDate: null, dateOfBirth: null, birthYear: null }), null, today)).toMatchObject({
      ageYears: null,
      yearsSinceArrival: null,
    });
  });

  it('counts dependants and other adults without counting the person', () => {
    const members = [
      { age: 35, relationshipToHead: 'head' as const },
      { age: 12, relationshipToHead: 'child' as const },
      { age: 3, relationshipToHead: 'child' as const },
      { age: 67, relationshipToHead: 'parent' as const },
      { age: 19, relationshipToHead: 'child' as const },
      { age: null, relationshipToHead: 'other_relative' as const },
    ];
    expect(subjectFromRegistration(person(), { members }, today)).toMatchObject({
      householdSize: 6,
      isHeadOfHousehold: true,
      dependantsInHousehold: 3,
      otherAdultsInHousehold: 2,
    });
    const child = person({ dateOfBirth: '2013-05-01', relationshipToHead: 'child', careSituation: 'with_parents' });
    expect(subjectFromRegistration(child, { members }, today)).toMatchObject({
      ageYears: 12,
      isHeadOfHousehold: false,
      dependantsInHousehold: 2,
      otherAdultsInHousehold: 3,
    });
  });

  it('takes a person without a household as living alone and heading it', () => {
    expect(subjectFromRegistration(person({ relationshipToHead: null }), null, today)).toMatchObject({
      householdSize: 1,
      isHeadOfHousehold: true,
      dependantsInHousehold: 0,
      otherAdultsInHousehold: 0,
    });
  });
});
