import { ageInYears, compactOutcome, consentRequirement, type Assessment, type GeneratedHousehold, type Instrument, type OperationSpec } from '@waymark/core';
import { sealScreeningAnswers } from '../../crypto/screening-answers';
import type { Sealer } from '../../crypto/seal';
import type { CopyValue } from './copy-text';
import type { CountedPerson, CountedScreening } from './rollup-deltas';

export const HOUSEHOLD_COLUMNS = ['operation_id', 'id', 'site_id', 'head_person_id', 'agency_id', 'created_by', 'updated_by', 'household_number'] as const;

export const PERSON_COLUMNS = [
  'operation_id', 'id', 'household_id', 'site_id', 'given_name', 'family_name', 'other_names', 'original_script_name',
  'sex', 'date_of_birth', 'birth_year', 'birth_year_estimated', 'nationality', 'languages', 'setting', 'admin_area_code',
  'legal_status', 'documents', 'arrival_date', 'relationship_to_head', 'care_situation', 'risk_level',
  'latest_screening_id', 'screened_at', 'agency_id', 'created_by', 'updated_by', 'record_key', 'registration_number',
] as const;

export const SCREENING_COLUMNS = [
  'operation_id', 'id', 'person_id', 'instrument_id', 'instrument_version', 'rule_version', 'responses', 'outcome',
  'risk_level', 'rescored_from', 'screened_at', 'screened_by', 'sealed_answers',
] as const;

export const CONSENT_COLUMNS = [
  'operation_id', 'id', 'person_id', 'purpose', 'recipient_agency_id', 'decision', 'method', 'given_by',
  'carer_relationship', 'child_assent', 'assent_method', 'effective_at', 'recorded_at', 'recorded_by',
] as const;

export interface PlacedHousehold {
  operationId: string;
  /** The agency that holds the loaded records. */
  agencyId: string;
  siteId: string;
  householdId: string;
  memberIds: string[];
  /** Numbers reserved for this batch (migration 0045): the row triggers stand aside for rows that carry one. */
  householdNumber: string;
  memberNumbers: string[];
}

export interface MemberScreening {
  id: string;
  outcome: Assessment;
  /** Null when the answers are those of `rescoredFrom`, unchanged. */
  responses: Record<string, unknown> | null;
  /** The answers scored, when `responses` is null: what the clear part's override rules are judged on. */
  answers?: Record<string, unknown>;
}

export function householdRow(placed: PlacedHousehold, generated: GeneratedHousehold, actorId: string | null): CopyValue[] {
  return [placed.operationId, placed.householdId, placed.siteId, placed.memberIds[generated.household.headIndex]!, placed.agencyId, actorId, actorId, placed.householdNumber];
}

export function personRow(
  placed: PlacedHousehold,
  generated: GeneratedHousehold,
  index: number,
  screening: MemberScreening | null,
  screenedAt: Date,
  actorId: string | null,
): CopyValue[] {
  const p = generated.members[index]!.person;
  return [
    placed.operationId, placed.memberIds[index]!, placed.householdId, placed.siteId, p.givenName, p.familyName,
    p.otherNames, p.originalScriptName, p.sex, p.dateOfBirth, p.birthYear, p.birthYearEstimated, p.nationality,
    p.languages, p.setting ?? generated.household.setting, p.adminAreaCode ?? generated.household.adminAreaCode,
    p.legalStatus, p.documents, p.arrivalDate, p.relationshipToHead, p.careSituation,
    screening?.outcome.riskLevel ?? null, screening?.id ?? null, screening ? screenedAt : null, placed.agencyId, actorId, actorId,
    randomRecordKey(), placed.memberNumbers[index]!,
  ];
}

/** A person's cell-key record key (migration 0026): uniform in [0, 2^32), from the platform's strong source. */
function randomRecordKey(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

const column = (name: (typeof PERSON_COLUMNS)[number]) => PERSON_COLUMNS.indexOf(name);
const COUNTED = {
  operationId: column('operation_id'), siteId: column('site_id'), adminAreaCode: column('admin_area_code'), setting: column('setting'),
  sex: column('sex'), dateOfBirth: column('date_of_birth'), birthYear: column('birth_year'), legalStatus: column('legal_status'),
  careSituation: column('care_situation'), riskLevel: column('risk_level'), recordKey: column('record_key'),
};
const text = (value: CopyValue | undefined) => (value === null || value === undefined ? null : String(value));

/** What the rollups count of a person, read from the very values of their COPY row. */
export function countedPerson(row: readonly CopyValue[], screening: CountedScreening | null): CountedPerson {
  const birthYear = row[COUNTED.birthYear];
  return {
    operationId: String(row[COUNTED.operationId]),
    siteId: text(row[COUNTED.siteId]),
    adminAreaCode: text(row[COUNTED.adminAreaCode]),
    setting: text(row[COUNTED.setting]),
    sex: String(row[COUNTED.sex]),
    dateOfBirth: text(row[COUNTED.dateOfBirth]),
    birthYear: birthYear === null || birthYear === undefined ? null : Number(birthYear),
    legalStatus: text(row[COUNTED.legalStatus]),
    careSituation: text(row[COUNTED.careSituation]),
    riskLevel: text(row[COUNTED.riskLevel]),
    recordKey: Number(row[COUNTED.recordKey]),
    screening,
  };
}

/** How bulk paths seal: one sealer (one imported key) for the whole load, and the instrument that scored. */
export interface BulkSealing {
  sealer: Sealer | undefined;
  instrument: Instrument;
}

/** A screening's COPY row, and the domains its stored (clear) outcome keeps, as the rollups count them. */
export interface ScreeningRecord {
  row: CopyValue[];
  domains: ReadonlyArray<{ domain: string; level: string }>;
}

/**
 * A screening's COPY row: highly sensitive answers and the signals naming them go into
 * `sealed_answers` (synchronously, one AES-GCM call), the rest into `responses`/`outcome`.
 */
export function screeningRecord(
  operationId: string,
  personId: string,
  screening: MemberScreening,
  screenedAt: Date,
  actorId: string | null,
  sealing: BulkSealing,
  rescoredFrom: string | null = null,
): ScreeningRecord {
  const { outcome } = screening;
  const stored = sealScreeningAnswers(sealing.sealer, sealing.instrument, { operation_id: operationId, id: screening.id, person_id: personId }, screening.responses, compactOutcome(outcome), screening.answers ?? screening.responses);
  // Bulk loads never write highly sensitive answers in clear: no key ring, no load.
  if (!stored.ok) throw new Error('screenings with highly sensitive answers need an encryption key ring (keyRing)');
  const { responses, outcome: clearOutcome, sealed_answers } = stored.value;
  const row: CopyValue[] = [
    operationId, screening.id, personId, outcome.instrumentId, outcome.instrumentVersion, outcome.ruleVersion,
    responses === null ? null : JSON.stringify(responses), JSON.stringify(clearOutcome), outcome.riskLevel, rescoredFrom, screenedAt, actorId,
    sealed_answers,
  ];
  return { row, domains: clearOutcome.domains };
}

export function screeningRow(...args: Parameters<typeof screeningRecord>): CopyValue[] {
  return screeningRecord(...args).row;
}

/**
 * The case-management consent a seeded person gave at registration, shaped by the default
 * child rules: their own from 15, a parent's (with the child's assent where due) below.
 */
export function consentRow(operationId: string, id: string, personId: string, generated: GeneratedHousehold, index: number, at: Date, actorId: string | null): CopyValue[] {
  const requirement = consentRequirement(ageInYears(generated.members[index]!.person, at));
  const byCarer = requirement.giver === 'carer';
  const assent = requirement.assent === 'none' ? null : requirement.assent;
  return [
    operationId, id, personId, 'case_management', null, 'given', 'written', requirement.giver,
    byCarer ? 'parent' : null, assent === null ? 'not_applicable' : 'yes', assent, at, at, actorId,
  ];
}

export type { OperationSpec };
