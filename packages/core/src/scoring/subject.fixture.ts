import type { ScreeningSubject } from './subject';

/** An adult man, registered, living with family in a camp, arrived two years ago: no registration risk. */
export function adultSubject(overrides: Partial<ScreeningSubject> = {}): ScreeningSubject {
  return {
    ageYears: 35,
    sex: 'male',
    setting: 'camp',
    legalStatus: 'registered_refugee',
    careSituation: null,
    documents: ['refugee_certificate', 'birth_certificate'],
    householdSize: 4,
    isHeadOfHousehold: true,
    dependantsInHousehold: 2,
    otherAdultsInHousehold: 1,
    yearsSinceArrival: 2,
    ...overrides,
  };
}

export function childSubject(overrides: Partial<ScreeningSubject> = {}): ScreeningSubject {
  return adultSubject({
    ageYears: 14,
    careSituation: 'with_parents',
    isHeadOfHousehold: false,
    dependantsInHousehold: 1,
    otherAdultsInHousehold: 2,
    ...overrides,
  });
}
