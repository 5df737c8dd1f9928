import type {
  CareSituation,
  DocumentType,
  HouseholdMember,
  LegalStatus,
  PersonRegistration,
  RelationshipToHead,
  Setting,
  Sex,
} from '@waymark/core';
import { ageInYears } from '@waymark/core';
import type { PersonRow } from '../../db/schema';

/** A stored person as the pure domain sees them. */
export function registrationOf(row: PersonRow): PersonRegistration {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names,
    originalScriptName: row.original_script_name,
    sex: row.sex as Sex,
    dateOfBirth: row.date_of_birth,
    birthYear: row.birth_year,
    birthYearEstimated: row.birth_year_estimated,
    nationality: row.nationality,
    languages: row.languages,
    siteId: row.site_id,
    setting: row.setting as Setting | null,
    adminAreaCode: row.admin_area_code,
    legalStatus: row.legal_status as LegalStatus | null,
    documents: row.documents as DocumentType[],
    arrivalDate: row.arrival_date,
    householdId: row.household_id,
    relationshipToHead: row.relationship_to_head as RelationshipToHead | null,
    careSituation: row.care_situation as CareSituation | null,
  };
}

export function householdOf(members: Pick<PersonRow, 'date_of_birth' | 'birth_year' | 'relationship_to_head'>[], today: Date): { members: HouseholdMember[] } {
  return {
    members: members.map((member) => ({
      age: ageInYears({ dateOfBirth: member.date_of_birth, birthYear: member.birth_year }, today),
      relationshipToHead: member.relationship_to_head as RelationshipToHead | null,
    })),
  };
}
