import { documentTypesHeld } from '@waymark/core';
import type { HouseholdMemberCreate, PersonUpdate } from '@waymark/contracts';
import type { PersonUpdate as PersonRowUpdate } from './schema';

type PersonFields = Omit<HouseholdMemberCreate, 'id' | 'relationshipToHead'>;

/** API field names → column names, in one place. Identity documents have a table of their own (migration 0052). */
const COLUMNS = {
  givenName: 'given_name',
  familyName: 'family_name',
  otherNames: 'other_names',
  originalScriptName: 'original_script_name',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  birthYear: 'birth_year',
  birthYearEstimated: 'birth_year_estimated',
  nationality: 'nationality',
  languages: 'languages',
  siteId: 'site_id',
  setting: 'setting',
  adminAreaCode: 'admin_area_code',
  legalStatus: 'legal_status',
  documents: 'documents',
  arrivalDate: 'arrival_date',
  careSituation: 'care_situation',
  relationshipToHead: 'relationship_to_head',
} as const satisfies Record<Exclude<keyof PersonFields, 'identityDocuments'> | 'relationshipToHead', string>;

export function personColumns(fields: PersonFields) {
  return {
    given_name: fields.givenName,
    family_name: fields.familyName,
    other_names: fields.otherNames,
    original_script_name: fields.originalScriptName,
    sex: fields.sex,
    date_of_birth: fields.dateOfBirth,
    // An exact date of birth settles the year too.
    birth_year: fields.birthYear ?? (fields.dateOfBirth ? Number(fields.dateOfBirth.slice(0, 4)) : null),
    birth_year_estimated: fields.dateOfBirth ? false : fields.birthYearEstimated,
    nationality: fields.nationality,
    languages: fields.languages,
    site_id: fields.siteId,
    setting: fields.setting,
    admin_area_code: fields.adminAreaCode,
    legal_status: fields.legalStatus,
    // Every recorded document's type is held (core's documentTypesHeld).
    documents: documentTypesHeld(fields.documents, fields.identityDocuments),
    arrival_date: fields.arrivalDate,
    care_situation: fields.careSituation,
  };
}

export function personChangeColumns(update: Omit<PersonUpdate, 'version'>): PersonRowUpdate {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = update[field as keyof typeof update];
    if (value !== undefined) changes[column] = value;
  }
  return changes as PersonRowUpdate;
}
