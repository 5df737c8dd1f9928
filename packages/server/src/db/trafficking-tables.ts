import type { TraffickingAssessment, TraffickingAssessmentInput } from '@waymark/core';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DateColumn } from './column-types';

/** Trafficking assessments of cases; joined into Database in schema.ts. */
export interface TraffickingTables {
  trafficking_assessments: TraffickingAssessmentsTable;
  trafficking_evidence_citations: TraffickingEvidenceCitationsTable;
}

/** Migration 0050: a protection note an assessment cites as evidence (the note's back-reference). */
export interface TraffickingEvidenceCitationsTable {
  operation_id: string;
  assessment_id: string;
  note_id: string;
  case_id: string;
}

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
