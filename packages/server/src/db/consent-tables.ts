import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from './column-types';

/** Consent decisions and an operation's child-assent ages; joined into Database in schema.ts. */
export interface ConsentTables {
  consents: ConsentsTable;
  consent_settings: ConsentSettingsTable;
}

/** Migration 0010: append-only consent decisions, and an operation's child-assent ages. */
export interface ConsentsTable {
  operation_id: string;
  id: string;
  person_id: string;
  purpose: string;
  recipient_agency_id: string | null;
  decision: string;
  method: string;
  given_by: string;
  carer_relationship: string | null;
  child_assent: string;
  assent_method: string | null;
  effective_at: Timestamp;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export type ConsentRow = Selectable<ConsentsTable>;

export interface ConsentSettingsTable {
  operation_id: string;
  oral_assent_from: number;
  written_assent_from: number;
  own_consent_from: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
