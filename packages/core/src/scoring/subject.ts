import type { SubjectFact } from '../instruments/condition';
import { ageInYears } from '../registration/age';
import type { PersonRegistration } from '../registration/person';
import type {
  CareSituation,
  DocumentType,
  LegalStatus,
  RelationshipToHead,
  Setting,
  Sex,
} from '../registration/vocabulary';

/** What registration already knows about the person screened. Ages are worked out by the caller. */
export interface ScreeningSubject {
  ageYears: number | null;
  sex: Sex;
  setting: Setting | null;
  legalStatus: LegalStatus | null;
  careSituation: CareSituation | null;
  documents: DocumentType[];
  /** Includes the person; 1 when they live alone. */
  householdSize: number;
  isHeadOfHousehold: boolean;
  /** Other members under 18 or 60 and over. */
  dependantsInHousehold: number;
  /** Other members aged 18 or over; members of unknown age are not assumed to be adults. */
  otherAdultsInHousehold: number;
  yearsSinceArrival: number | null;
}

// Fails to compile if a fact name and the subject drift apart.
type IsTrue<T extends true> = T;
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SubjectFactsMatchSubject = IsTrue<SameKeys<keyof ScreeningSubject, SubjectFact>>;

export interface HouseholdMember {
  age: number | null;
  relationshipToHead: RelationshipToHead | null;
}

const ADULT_AGE = 18;
const OLDER_AGE = 60;

function isDependant(age: number | null): boolean {
  return age !== null && (age < ADULT_AGE || age >= OLDER_AGE);
}

function isAdult(age: number | null): boolean {
  return age !== null && age >= ADULT_AGE;
}

/**
 * `household.members` lists everyone in the household, this person included.
 * A person with no household is taken to live alone and to head their own household.
 */
export function subjectFromRegistration(
  person: PersonRegistration,
  household: { members: HouseholdMember[] } | null,
  today: Date,
): ScreeningSubject {
  const ageYears = ageInYears(person, today);
  const members = household?.members ?? [];
  const dependants = members.filter((m) => isDependant(m.age)).length - (isDependant(ageYears) ? 1 : 0);
  const adults = members.filter((m) => isAdult(m.age)).length - (isAdult(ageYears) ? 1 : 0);
  return {
    ageYears,
    sex: person.sex,
    setting: person.setting,
    legalStatus: person.legalStatus,
    careSituation: person.careSituation,
    documents: person.documents,
    householdSize: Math.max(members.length, 1),
    isHeadOfHousehold: household === null || person.relationshipToHead === 'head',
    dependantsInHousehold: Math.max(dependants, 0),
    otherAdultsInHousehold: Math.max(adults, 0),
    yearsSinceArrival: person.arrivalDate
      ? ageInYears({ dateOfBirth: person.arrivalDate, birthYear: null }, today)
      : null,
  };
}
