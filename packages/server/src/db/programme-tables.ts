import type { TargetRule } from '@waymark/core';
import type { Generated, Selectable } from 'kysely';
import type { DateColumn, Json, Timestamp } from './column-types';

// Migration 0022, as Kysely sees it (joined into Database in schema.ts).

export interface ProgrammesTable {
  operation_id: string;
  id: string;
  name: string;
  kind: string;
  rule: Json<TargetRule>;
  admin_area_codes: string[];
  capacity: number;
  starts_on: DateColumn | null;
  ends_on: DateColumn | null;
  status: Generated<string>;
  // Migration 0028: who holds it (read by src/db/scope.ts as persons' are).
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ProgrammeEnrolmentsTable {
  operation_id: string;
  programme_id: string;
  person_id: string;
  enrolled_at: Timestamp;
  enrolled_by: string | null;
  consent_overridden: boolean;
}

export interface ProgrammeSessionsTable {
  operation_id: string;
  id: string;
  programme_id: string;
  held_on: DateColumn;
  topic: string;
  admin_area_code: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface ProgrammeAttendanceTable {
  operation_id: string;
  session_id: string;
  programme_id: string;
  person_id: string;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface ProgrammeTables {
  programmes: ProgrammesTable;
  programme_enrolments: ProgrammeEnrolmentsTable;
  programme_sessions: ProgrammeSessionsTable;
  programme_attendance: ProgrammeAttendanceTable;
}

export type ProgrammeRow = Selectable<ProgrammesTable>;
export type ProgrammeSessionRow = Selectable<ProgrammeSessionsTable>;
