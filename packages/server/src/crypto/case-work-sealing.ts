import { err, ok, type Result } from '@waymark/core';
import type { BestInterestsDeterminationRow, CaseTaskRow, TraffickingAssessmentRow } from '../db/schema';
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

/**
 * The BID with the child's words in clear, for a presenter that decides who sees them. The
 * row says whether its words are clear (migration 0036), never their first characters: an
 * old clear value starting "v1:" is words, and a sealed value that is not an envelope is a
 * value that fails to open, not words to show.
 */
export function openBid(ring: KeyRing | undefined, row: BestInterestsDeterminationRow): Result<BestInterestsDeterminationRow, Failure> {
  const stored = row.child_views_text;
  if (stored === null || row.child_views_clear) return ok(row);
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

type TaskPlace = Pick<CaseTaskRow, 'operation_id' | 'id' | 'case_id'>;

export function taskTitleAad(row: TaskPlace): string {
  return `case_tasks:title:${row.operation_id}:${row.id}:${row.case_id}`;
}

/** What a task copied from a screening's highly sensitive action says: its title and the action's id. */
export interface TaskWords {
  title: string;
  createdFrom: string | null;
}

/**
 * A task with a highly sensitive topic (migration 0025) holds its title and the action it
 * came from ("Urgent medical care (post-rape care within 72 hours)", `urgent_medical_care`)
 * sealed in `title`, bound to its row and case; `created_from` stays null.
 */
export function sealTaskWords(ring: KeyRing, row: TaskPlace, words: TaskWords): string {
  return seal(ring, JSON.stringify(words), taskTitleAad(row));
}

/**
 * The task's title and origin in clear: opened, or as a row from before sealing (or of no
 * topic) holds them. An envelope that will not open is a failure, for the presenter to
 * show as withheld.
 */
export function openTaskWords(ring: KeyRing | undefined, row: CaseTaskRow): Result<TaskWords, 'unknown_key' | 'tampered'> {
  // Only a task with a topic is ever sealed: another's title is what someone typed, whatever it looks like.
  if (row.topic === null || keyIdOf(row.title) === undefined) return ok({ title: row.title, createdFrom: row.created_from });
  if (!ring) return err('unknown_key');
  const opened = open(ring, row.title, taskTitleAad(row));
  return opened.ok ? ok(JSON.parse(opened.value) as TaskWords) : opened;
}
