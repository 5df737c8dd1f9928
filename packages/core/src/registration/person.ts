import type {
  CareSituation,
  DocumentType,
  LegalStatus,
  RelationshipToHead,
  Setting,
  Sex,
} from './vocabulary';

/** What a caseworker records about one person. Dates are ISO `YYYY-MM-DD` strings. */
export interface PersonRegistration {
  givenName: string;
  familyName: string;
  otherNames: string[];
  originalScriptName: string | null;
  sex: Sex;
  /** Exact date of birth when known; otherwise `birthYear` (possibly estimated). */
  dateOfBirth: string | null;
  birthYear: number | null;
  birthYearEstimated: boolean;
  /** ISO 3166-1 alpha-3 code. */
  nationality: string | null;
  /** ISO 639 codes. */
  languages: string[];
  siteId: string | null;
  setting: Setting | null;
  adminAreaCode: string | null;
  legalStatus: LegalStatus | null;
  documents: DocumentType[];
  arrivalDate: string | null;
  householdId: string | null;
  relationshipToHead: RelationshipToHead | null;
  /** Only for children (under 18). */
  careSituation: CareSituation | null;
}
