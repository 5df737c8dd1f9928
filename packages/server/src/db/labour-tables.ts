import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DateColumn, Timestamp } from './column-types';

// Migration 0021, as Kysely sees it (joined into Database in schema.ts).
/** numeric comes back as text from pg; written as a number or text. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface WorkplacesTable {
  operation_id: string;
  id: string;
  name: string;
  sector: string;
  admin_area_code: string;
  site_id: string | null;
  description: string | null;
  archived_at: Timestamp | null;
  // Migration 0028: who holds it (read by src/db/scope.ts as persons' are).
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  // Migration 0060: the permanent random record key (cell-key method); drawn by the database, never shown.
  record_key: ColumnType<string, number | string | undefined, never>;
}

export interface WorkplaceReportsTable {
  operation_id: string;
  id: string;
  workplace_id: string;
  source_type: string;
  reported_on: DateColumn;
  informant_name_sealed: string | null;
  informant_key_id: string | null;
  conditions: string[];
  indicators: string[];
  hours_per_week: number | null;
  daily_pay: Numeric | null;
  pay_currency: string | null;
  workers_estimate: number | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  // Migration 0028: the agency that recorded it holds it (and its informant).
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
}

export interface WorkplacePeopleTable {
  operation_id: string;
  workplace_id: string;
  person_id: string;
  linked_at: Timestamp;
  linked_by: string | null;
}

export interface LabourTables {
  workplaces: WorkplacesTable;
  workplace_reports: WorkplaceReportsTable;
  workplace_people: WorkplacePeopleTable;
}

export type WorkplaceRow = Selectable<WorkplacesTable>;
export type WorkplaceReportRow = Selectable<WorkplaceReportsTable>;
