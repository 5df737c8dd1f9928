import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DateColumn, Json } from './column-types';

/** Children's best interests: settings, BIAs, BIDs, care arrangements; joined into Database in schema.ts. */
export interface ChildrenTables {
  child_protection_settings: ChildProtectionSettingsTable;
  best_interests_assessments: BestInterestsAssessmentsTable;
  best_interests_determinations: BestInterestsDeterminationsTable;
  care_arrangements: CareArrangementsTable;
  care_arrangement_corrections: CareArrangementCorrectionsTable;
}

/** Migration 0014: per-operation settings for children's best interests (no row = core defaults). */
export interface ChildProtectionSettingsTable {
  operation_id: string;
  review_interval_months: Generated<number>;
  bia_non_urgent_days: Generated<number>;
  bid_min_panel_size: Generated<number>;
  updated_at: Generated<Date>;
}

/** Migration 0014: a Best Interests Assessment, opened with a confirmed urgency. */
export interface BestInterestsAssessmentsTable {
  operation_id: string;
  id: string;
  person_id: string;
  case_id: string | null;
  urgency: string;
  suggested_urgency: string;
  suggested_because: string;
  required: boolean;
  identified_at: DateColumn;
  due_date: DateColumn;
  completed_at: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
  /** Migration 0043: the BIA's sections, sealed together (crypto/bia-content-sealing.ts). */
  content_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  content_updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  content_updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export type BestInterestsAssessmentRow = Selectable<BestInterestsAssessmentsTable>;

export interface BidPanelMemberJson {
  memberId: string;
  role: string;
  confidentialityUndertakingSigned: boolean;
}

/** Migration 0014: a Best Interests Determination; child_views_text is highly sensitive (child_protection). */
export interface BestInterestsDeterminationsTable {
  operation_id: string;
  id: string;
  person_id: string;
  bia_id: string | null;
  reason_codes: ColumnType<string[], string[] | undefined, string[]>;
  panel: Json<BidPanelMemberJson[]>;
  assessment_date: DateColumn;
  child_views_kind: string;
  child_not_heard_reason: string | null;
  child_views_text: string | null;
  /** Migration 0036: the words are in clear (written before sealing, 0018); otherwise sealed or null. */
  child_views_clear: Generated<boolean>;
  recommendation: string;
  decision_date: DateColumn;
  solution_step_ref: string | null;
  review_due_on: DateColumn;
  review_due_reason: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export type BestInterestsDeterminationRow = Selectable<BestInterestsDeterminationsTable>;

/** Migration 0014: a child's care-arrangement history, periods [started_on, ended_on). */
export interface CareArrangementsTable {
  operation_id: string;
  id: string;
  person_id: string;
  kind: string;
  carer_person_id: string | null;
  carer_ref: string | null;
  started_on: DateColumn;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  created_by: string | null;
  /** Migration 0042: changed in place (ended, corrected) at the version read. */
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CareArrangementRow = Selectable<CareArrangementsTable>;

/** Migration 0042: what a correction replaced, and why. */
export interface CareArrangementCorrectionsTable {
  operation_id: string;
  id: string;
  arrangement_id: string;
  person_id: string;
  previous_kind: string;
  previous_carer_person_id: string | null;
  previous_carer_ref: string | null;
  previous_started_on: DateColumn;
  previous_ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  reason: string;
  corrected_at: Generated<Date>;
  corrected_by: string | null;
}

export type CareArrangementCorrectionRow = Selectable<CareArrangementCorrectionsTable>;
