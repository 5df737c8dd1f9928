import { err, ok, type Result } from '@waymark/core';
import type { BestInterestsDeterminationRow, TraffickingAssessmentRow } from '../db/schema';
import { failure, type Failure } from '../failure';
import type { KeyRing } from './key-ring';
import { keyIdOf, open, seal } from './seal';

/**
 * Sealing at rest of the case work's most sensitive text (migration 0018): a child's own
 * words in a BID, and a trafficking assessment's input and findings. Each envelope is bound
 * to its row and its person (the AAD), so a ciphertext copied elsewhere does not open.
 * Rows from before sealing hold clear values: they are read as they are, and sealed by
 * `waymark keys rotate`.
 */

type BidPlace = Pick<BestInterestsDeterminationRow, 'operation_id' | 'id' | 'person_id'>;
type AssessmentPlace = Pick<TraffickingAssessmentRow, 'operation_id' | 'id' | 'case_id' | 'person_id'>;

export function bidViewsAad(row: BidPlace): string {
  return `best_interests_determinations:child_views_text:${row.operation_id}:${row.id}:${row.person_id}`;
}

export function assessmentAad(row: AssessmentPlace): string {
  return `trafficking_assessments:sealed:${row.operation_id}:${row.id}:${row.case_id}:${row.person_id}`;
}

const unopened = (error: 'unknown_key' | 'tampered'): Failure =>
  failure(error === 'unknown_key' ? 'encryption_unavailable' : 'sealed_value_unreadable');

export function sealBidViews(ring: KeyRing, row: BidPlace, text: string | null): string | null {
  return text === null ? null : seal(ring, text, bidViewsAad(row));
}

/** The BID with the child's words in clear, for a presenter that decides who sees them. */
export function openBid(ring: KeyRing | undefined, row: BestInterestsDeterminationRow): Result<BestInterestsDeterminationRow, Failure> {
  const stored = row.child_views_text;
  if (stored === null || keyIdOf(stored) === undefined) return ok(row);
  if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
  const opened = open(ring, stored, bidViewsAad(row));
  return opened.ok ? ok({ ...row, child_views_text: opened.value }) : err(unopened(opened.error));
}

export interface AssessmentParts {
  input: NonNullable<TraffickingAssessmentRow['input']>;
  findings: NonNullable<TraffickingAssessmentRow['findings']>;
}

export function sealAssessment(ring: KeyRing, row: AssessmentPlace, parts: AssessmentParts): string {
  return seal(ring, JSON.stringify(parts), assessmentAad(row));
}

/** The assessment with its input and findings in clear (opened, or as a row from before sealing held them). */
export function openAssessment(ring: KeyRing | undefined, row: TraffickingAssessmentRow): Result<TraffickingAssessmentRow & AssessmentParts, Failure> {
  if (row.sealed === null) {
    if (row.input === null || row.findings === null) return err(failure('sealed_value_unreadable'));
    return ok({ ...row, input: row.input, findings: row.findings });
  }
  if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
  const opened = open(ring, row.sealed, assessmentAad(row));
  if (!opened.ok) return err(unopened(opened.error));
  const parts = JSON.parse(opened.value) as AssessmentParts;
  return ok({ ...row, input: parts.input, findings: parts.findings });
}
