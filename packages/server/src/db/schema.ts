import type { TraffickingAssessment, TraffickingAssessmentInput } from '@waymark/core';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LabourTables } from './labour-tables';
import type { ProgrammeTables } from './programme-tables';
import type { PopulationMapTables } from './population-map-tables';

// The database as Kysely sees it. Only server/src/db/** may import this.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see the pg type parser in connect.ts). */
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type GeneratedAlways<T> = ColumnType<T, never, never>;

export interface OperationsTable {
  id: string;
  code: string;
  name: string;
  created_at: Timestamp;
  /** Migration 0008: every member needs a second factor. */
  mfa_required: Generated<boolean>;
}

export interface SitesTable {
  operation_id: string;
  id: string;
  code: string;
  name: string;
  setting: string | null;
  admin_area_code: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  scope: Generated<string>;
  agency_id: string | null;
  /** Migration 0008: a sealed envelope (src/crypto/seal.ts), never the plain secret. */
  totp_secret_sealed: string | null;
  totp_confirmed_at: Timestamp | null;
  totp_last_step: number | null;
}

export interface AgenciesTable {
  operation_id: string;
  id: string;
  code: string;
  name: string;
  kind: string;
  created_at: Timestamp;
}

export interface TeamsTable {
  operation_id: string;
  id: string;
  agency_id: string;
  name: string;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  operation_id: string;
  team_id: string;
  user_id: string;
}

/** Who holds a person or household record (migration 0006). */
interface HeldBy {
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
}

export interface UserOperationsTable {
  user_id: string;
  operation_id: string;
}

export interface SessionsTable {
  token_hash: Buffer;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** Migration 0008: sha256 of the session's CSRF token. */
  csrf_hash: Buffer | null;
  mfa_pending: Generated<boolean>;
}

export interface HouseholdsTable extends HeldBy {
  operation_id: string;
  id: string;
  site_id: string | null;
  head_person_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface PersonsTable extends HeldBy {
  operation_id: string;
  id: string;
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

export interface ScreeningsTable {
  operation_id: string;
  id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: number;
  rule_version: string;
  /** Null when reused unchanged from `rescored_from`. */
  responses: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  outcome: Json<unknown>;
  risk_level: string;
  rescored_from: string | null;
  screened_at: Timestamp;
  screened_by: string | null;
  /** Migration 0011: answers removed and signals stripped; levels kept. */
  anonymised_at: Timestamp | null;
  /**
   * Migration 0012: an envelope (src/crypto/screening-answers.ts) holding the answers to
   * highly sensitive items and the signals and follow-ups naming them; never plain text.
   */
  sealed_answers: string | null;
}

export interface AuditEventsTable {
  id: GeneratedAlways<string>;
  operation_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  details: Json<Record<string, unknown>>;
  // Migration 0007: the hash chain (written by db/audit.ts only) and from where, why, outcome.
  chain: string;
  seq: number;
  prev_hash: Buffer | null;
  hash: Buffer;
  ip: string | null;
  reason: string | null;
  outcome: Generated<string>;
}

export interface Database extends LabourTables, ProgrammeTables, PopulationMapTables {
  operations: OperationsTable;
  sites: SitesTable;
  users: UsersTable;
  agencies: AgenciesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  user_operations: UserOperationsTable;
  sessions: SessionsTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  screenings: ScreeningsTable;
  audit_events: AuditEventsTable;
  protection_notes: ProtectionNotesTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_throttle: SignInThrottleTable;
  consents: ConsentsTable;
  consent_settings: ConsentSettingsTable;
  operation_retention: OperationRetentionTable;
  cases: CasesTable;
  case_tasks: CaseTasksTable;
  trafficking_assessments: TraffickingAssessmentsTable;
  child_protection_settings: ChildProtectionSettingsTable;
  best_interests_assessments: BestInterestsAssessmentsTable;
  best_interests_determinations: BestInterestsDeterminationsTable;
  care_arrangements: CareArrangementsTable;
  durable_solution_assessments: DurableSolutionAssessmentsTable;
  resettlement_submissions: ResettlementSubmissionsTable;
  solution_steps: SolutionStepsTable;
}

export type PersonRow = Selectable<PersonsTable>;
export type NewPersonRow = Insertable<PersonsTable>;
export type PersonUpdate = Updateable<PersonsTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type ScreeningRow = Selectable<ScreeningsTable>;
export type UserRow = Selectable<UsersTable>;

/** Migration 0009. `body_sealed` is an envelope from src/crypto/seal.ts, never plain text. */
export interface ProtectionNotesTable {
  operation_id: string;
  id: string;
  person_id: string;
  topic: string;
  body_sealed: string;
  key_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}
export type ProtectionNoteRow = Selectable<ProtectionNotesTable>;

/** Migration 0008. */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: Buffer;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

/** Migration 0008: failed sign-in attempts per hashed email or per user's second factor. */
export interface SignInThrottleTable {
  key_hash: Buffer;
  failures: Generated<number>;
  lockouts: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
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

/** Migration 0011: an operation's retention policy; a null rule is off. */
export interface OperationRetentionTable {
  operation_id: string;
  id: string;
  anonymise_inactive_after_days: number | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}
export type OperationRetentionRow = Selectable<OperationRetentionTable>;

/** Migration 0013: protection cases, held like persons (agency, team, assigned worker). */
export interface CasesTable {
  operation_id: string;
  id: string;
  person_id: string | null;
  household_id: string | null;
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
}
export type CareArrangementRow = Selectable<CareArrangementsTable>;

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

/** Migration 0015: one trafficking assessment of a case (all kept; the newest is current). */
export interface TraffickingAssessmentsTable {
  operation_id: string;
  id: string;
  case_id: string;
  person_id: string;
  /** core/trafficking TraffickingAssessmentInput: codes, note ids, dates, the child flag. Null once sealed (migration 0018). */
  input: ColumnType<TraffickingAssessmentInput | null, string | null, string | null>;
  /** core/trafficking's result as it was on the day, without the required actions (they became tasks). Null once sealed. */
  findings: ColumnType<Omit<TraffickingAssessment, 'requiredActions'> | null, string | null, string | null>;
  /** Migration 0018: input and findings sealed together, an envelope from src/crypto/seal.ts. */
  sealed: string | null;
  outcome: string;
  reason_keys: string[];
  age_at_assessment: number | null;
  assessed_on: DateColumn;
  assessed_by: string;
  assessed_at: Generated<Date>;
  version: Generated<number>;
}
export type TraffickingAssessmentRow = Selectable<TraffickingAssessmentsTable>;
