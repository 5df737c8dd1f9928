import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp, DateColumn, GeneratedAlways } from './column-types';

/** People and households, each held by an agency, a team and a worker; joined into Database in schema.ts. */
export interface PersonTables {
  households: HouseholdsTable;
  persons: PersonsTable;
  household_changes: HouseholdChangesTable;
}

/** A household's history (migration 0050): ids only, never words. */
export interface HouseholdChangesTable {
  operation_id: string;
  id: string;
  household_id: string;
  kind: 'member_added' | 'member_removed' | 'head_changed' | 'split_to' | 'split_from';
  person_id: string | null;
  other_household_id: string | null;
  /** Migration 0054: the person was a child left with no adult by this change. */
  child_without_adult: Generated<boolean>;
  changed_at: Generated<Timestamp>;
  changed_by: string | null;
}

/** Who holds a person or household record (migration 0006). */
interface HeldBy {
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
}

export interface HouseholdsTable extends HeldBy {
  operation_id: string;
  id: string;
  site_id: string | null;
  head_person_id: string | null;
  /** Its name for people (migration 0045): given by the database or the bulk loader, never changed. */
  household_number: ColumnType<string, string | undefined, never>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface PersonsTable extends HeldBy {
  operation_id: string;
  id: string;
  /** The cell-key method's record key (migration 0026): random, permanent, never shown. */
  record_key: ColumnType<string, number | string | undefined, never>;
  /** The registration number (migration 0045): given by the database or the bulk loader, never changed. */
  registration_number: ColumnType<string, string | undefined, never>;
  household_id: string | null;
  site_id: string | null;
  given_name: string;
  family_name: string;
  other_names: string[];
  original_script_name: string | null;
  sex: string;
  date_of_birth: DateColumn | null;
  birth_year: number | null;
  birth_year_estimated: boolean;
  birth_date_effective: GeneratedAlways<string | null>;
  nationality: string | null;
  languages: string[];
  setting: string | null;
  admin_area_code: string | null;
  legal_status: string | null;
  documents: string[];
  arrival_date: DateColumn | null;
  relationship_to_head: string | null;
  care_situation: string | null;
  risk_level: string | null;
  risk_rank: GeneratedAlways<number | null>;
  latest_screening_id: string | null;
  screened_at: Timestamp | null;
  name_text: GeneratedAlways<string>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  /** Migration 0011: when the person was anonymised (on request or by retention). */
  anonymised_at: Timestamp | null;
}

export type PersonRow = Selectable<PersonsTable>;

export type NewPersonRow = Insertable<PersonsTable>;

export type PersonUpdate = Updateable<PersonsTable>;

export type HouseholdRow = Selectable<HouseholdsTable>;

export type HouseholdChangeRow = Selectable<HouseholdChangesTable>;
