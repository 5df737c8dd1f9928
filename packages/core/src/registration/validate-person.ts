import { ageInYears } from './age';
import type { CareSituation, RelationshipToHead } from './vocabulary';

/** A rule a registration breaks, at a path into the submitted object. */
export interface RegistrationProblem {
  code: string;
  path: (string | number)[];
  message: string;
}

export interface PersonDates {
  dateOfBirth: string | null;
  birthYear: number | null;
  arrivalDate: string | null;
  careSituation: CareSituation | null;
}

const OLDEST_PLAUSIBLE_AGE = 120;

/**
 * The rules a shape check cannot see: dates that cannot be, and a care situation only
 * children have. `today` is the caller's clock (core never reads one).
 */
export function checkPersonDates(person: PersonDates, today: Date, at: (string | number)[] = []): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  const add = (field: string, code: string, message: string) => problems.push({ code, path: [...at, field], message });

  if (person.dateOfBirth === null && person.birthYear === null) {
    add('birthYear', 'birth_required', 'give a date of birth or an (estimated) birth year');
  }
  if (person.dateOfBirth !== null && person.dateOfBirth > todayIso) {
    add('dateOfBirth', 'born_in_future', 'date of birth is in the future');
  }
  if (person.birthYear !== null && person.birthYear > today.getUTCFullYear()) {
    add('birthYear', 'born_in_future', 'birth year is in the future');
  }
  if (person.dateOfBirth !== null && person.birthYear !== null && Number(person.dateOfBirth.slice(0, 4)) !== person.birthYear) {
    add('birthYear', 'birth_year_mismatch', 'birth year differs from the year of the date of birth');
  }
  const age = ageInYears(person, today);
  if (age !== null && age > OLDEST_PLAUSIBLE_AGE) {
    add(person.dateOfBirth ? 'dateOfBirth' : 'birthYear', 'implausible_age', `older than ${OLDEST_PLAUSIBLE_AGE}`);
  }
  if (person.arrivalDate !== null) {
    if (person.arrivalDate > todayIso) add('arrivalDate', 'date_in_future', 'arrival date is in the future');
    const birth = person.dateOfBirth ?? (person.birthYear !== null ? `${person.birthYear}-01-01` : null);
    if (birth !== null && person.arrivalDate < birth) {
      add('arrivalDate', 'arrival_before_birth', 'arrival date is before the person was born');
    }
  }
  if (person.careSituation !== null && age !== null && age >= 18) {
    add('careSituation', 'care_situation_for_adult', 'care situation is recorded for children only');
  }
  return problems;
}

/** A household has exactly one head, and the head is one of its members. */
export function checkHouseholdHead(
  members: ReadonlyArray<{ relationshipToHead: RelationshipToHead | null }>,
  at: (string | number)[] = ['members'],
): RegistrationProblem[] {
  const heads = members.flatMap((member, index) => (member.relationshipToHead === 'head' ? [index] : []));
  if (heads.length === 1) return [];
  if (heads.length === 0) {
    return [{ code: 'household_head_missing', path: at, message: 'one member must be the head of household' }];
  }
  return heads.slice(1).map((index) => ({
    code: 'household_multiple_heads',
    path: [...at, index, 'relationshipToHead'],
    message: 'a household has one head',
  }));
}
