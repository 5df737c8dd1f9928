import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from './column-types';

/** Protection cases and their tasks; joined into Database in schema.ts. */
export interface CaseTables {
  cases: CasesTable;
  case_tasks: CaseTasksTable;
}

/** Migration 0013: protection cases, held like persons (agency, team, assigned worker). */
export interface CasesTable {
  operation_id: string;
  id: string;
  person_id: string | null;
  household_id: string | null;
  /** The case number (migration 0045): given by the database, never changed. */
  case_number: ColumnType<string, string | undefined, never>;
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
  status: Generated<string>;
  priority: string;
  opened_from_screening_id: string | null;
  opened_at: Timestamp;
  /** The person-centred part of the plan (core/cases PersonCentredPlan). */
  plan: ColumnType<{ goals: string[]; strengths: string[]; skills: string[]; wishes: string[] }, string | undefined, string>;
  closure_requested_by: string | null;
  closure_requested_at: Timestamp | null;
  closure_requested_reason: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** Migration 0030: closed by the erasure of its person (no request, perhaps no actor). */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type CaseRow = Selectable<CasesTable>;

/** Migration 0013: tasks, follow-ups and the plan's actions, services and referrals. */
export interface CaseTasksTable {
  operation_id: string;
  id: string;
  case_id: string;
  kind: string;
  title: string;
  owner_user_id: string | null;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<string>;
  done_at: Timestamp | null;
  created_from: string | null;
  /** Migration 0018: the highly sensitive topic of a task copied from a screening's action; null for ordinary tasks. */
  topic: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type CaseTaskRow = Selectable<CaseTasksTable>;
