/**
 * Child assent by age, from domain.md §8 (marked [unverified] there, hence configurable per
 * operation): 0–5 caregiver consent; 6–11 caregiver consent and the child's oral assent;
 * 12–14 caregiver consent and the child's written assent; 15 and over the person's own
 * consent. Each threshold is the first age of its band.
 */
export interface ConsentAgeSettings {
  oralAssentFrom: number;
  writtenAssentFrom: number;
  ownConsentFrom: number;
}

export const DEFAULT_CONSENT_AGES: ConsentAgeSettings = { oralAssentFrom: 6, writtenAssentFrom: 12, ownConsentFrom: 15 };

export interface ConsentRequirement {
  /** Who must decide: the person, or a carer on the child's behalf. */
  giver: 'self' | 'carer';
  /** The child's own assent alongside the carer's consent, and the least form it takes. */
  assent: 'none' | 'oral' | 'written';
}

/**
 * What a valid consent needs at this age. An unknown age (registration requires a birth
 * year, so only legacy records) is treated as an adult's: the person decides for themself.
 */
export function consentRequirement(age: number | null, settings: ConsentAgeSettings = DEFAULT_CONSENT_AGES): ConsentRequirement {
  if (age === null || age >= settings.ownConsentFrom) return { giver: 'self', assent: 'none' };
  if (age >= settings.writtenAssentFrom) return { giver: 'carer', assent: 'written' };
  if (age >= settings.oralAssentFrom) return { giver: 'carer', assent: 'oral' };
  return { giver: 'carer', assent: 'none' };
}

/** Settings an operation may store: whole years, in band order. */
export function consentAgesProblem(settings: ConsentAgeSettings): string | null {
  const { oralAssentFrom, writtenAssentFrom, ownConsentFrom } = settings;
  const ages = [oralAssentFrom, writtenAssentFrom, ownConsentFrom];
  if (!ages.every((age) => Number.isInteger(age) && age >= 0 && age <= 18)) return 'ages_out_of_range';
  if (!(oralAssentFrom <= writtenAssentFrom && writtenAssentFrom <= ownConsentFrom)) return 'ages_out_of_order';
  return null;
}
