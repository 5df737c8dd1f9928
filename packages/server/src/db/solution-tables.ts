import type { Generated, Selectable } from 'kysely';
import type { Timestamp, DateColumn, Json } from './column-types';

/** Durable solutions, resettlement submissions and solution steps of cases; joined into Database in schema.ts. */
export interface SolutionTables {
  durable_solution_assessments: DurableSolutionAssessmentsTable;
  resettlement_submissions: ResettlementSubmissionsTable;
  solution_steps: SolutionStepsTable;
}

/** Migration 0016: a case's durable-solutions assessment (core/solutions DurableSolutionsAssessment.solutions). */
export interface DurableSolutionAssessmentsTable {
  operation_id: string;
  case_id: string;
  assessed_on: DateColumn;
  assessed_by: string;
  solutions: Json<Record<string, unknown>>;
  warnings: Json<unknown[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export type DurableSolutionAssessmentRow = Selectable<DurableSolutionAssessmentsTable>;

/** Migration 0016: the categories and priority of a case's resettlement submission, as confirmed. */
export interface ResettlementSubmissionsTable {
  operation_id: string;
  case_id: string;
  primary_category: string;
  secondary_category: string | null;
  priority: string;
  confirmed: Json<Record<string, unknown>>;
  suggested: Json<unknown[]>;
  confirmed_by: string;
  confirmed_at: Timestamp;
  waiting_since: DateColumn;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ResettlementSubmissionRow = Selectable<ResettlementSubmissionsTable>;

/** Migration 0016: a step of a durable solution that moves people. */
export interface SolutionStepsTable {
  operation_id: string;
  id: string;
  case_id: string;
  kind: string;
  status: Generated<string>;
  completed_at: Timestamp | null;
  completed_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export type SolutionStepRow = Selectable<SolutionStepsTable>;
