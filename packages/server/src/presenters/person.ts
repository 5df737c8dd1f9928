import { ageBracket, ageInYears, type RiskLevel } from '@waymark/core';
import type { Person } from '@waymark/contracts';
import type { PersonRow } from '../db/schema';

/** An explicit allow-list: a new column never leaves the server until it is named here. */
export function presentPerson(row: PersonRow, today: Date): Person {
  const age = ageInYears({ dateOfBirth: row.date_of_birth, birthYear: row.birth_year }, today);
  return {
    id: row.id,
    operationId: row.operation_id,
    registrationNumber: row.registration_number,
    householdId: row.household_id,
    relationshipToHead: row.relationship_to_head as Person['relationshipToHead'],
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names,
    originalScriptName: row.original_script_name,
    sex: row.sex as Person['sex'],
    dateOfBirth: row.date_of_birth,
    birthYear: row.birth_year,
    birthYearEstimated: row.birth_year_estimated,
    age,
    ageBracket: age === null || age < 0 ? null : ageBracket(age),
    nationality: row.nationality,
    languages: row.languages,
    siteId: row.site_id,
    setting: row.setting as Person['setting'],
    adminAreaCode: row.admin_area_code,
    legalStatus: row.legal_status as Person['legalStatus'],
    documents: row.documents as Person['documents'],
    arrivalDate: row.arrival_date,
    careSituation: row.care_situation as Person['careSituation'],
    riskLevel: row.risk_level as RiskLevel | null,
    screenedAt: row.screened_at ? new Date(row.screened_at).toISOString() : null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    anonymisedAt: row.anonymised_at ? new Date(row.anonymised_at).toISOString() : null,
  };
}
