import { toPointer, type DurableSolutions, type ResettlementSubmission, type SolutionStep } from '@waymark/contracts';
import type { ConfirmedCategories, LeftBehindChild, SolutionsProblem } from '@waymark/core';
import type { CaseRow, DurableSolutionAssessmentRow, ResettlementSubmissionRow, SolutionStepRow } from '../db/schema';
import { subjectOf } from '../use-cases/solutions/facts';

type Solutions = NonNullable<DurableSolutions['assessment']>['solutions'];
type Warning = { code: string; path: string; message: string };

/** Warnings as stored and shown: code, JSON Pointer, message (no free text of the person). */
export function warningsOf(problems: readonly SolutionsProblem[]): Warning[] {
  return problems.filter((p) => p.severity === 'warning').map((p) => ({ code: p.code, path: toPointer(p.path), message: p.message }));
}

/** An explicit allow-list of what a reader of the case sees of its durable solutions. */
export function presentDurableSolutions(
  row: CaseRow,
  stored: DurableSolutionAssessmentRow | undefined,
  displacement: { years: number | null; protracted: boolean | null },
): DurableSolutions {
  return {
    caseId: row.id,
    subject: subjectOf(row),
    yearsInDisplacement: displacement.years,
    protracted: displacement.protracted,
    assessment: stored
      ? {
          assessedOn: stored.assessed_on,
          assessedBy: stored.assessed_by,
          solutions: stored.solutions as unknown as Solutions,
          warnings: stored.warnings as Warning[],
          version: stored.version,
          updatedAt: stored.updated_at.toISOString(),
        }
      : null,
  };
}

export function presentSubmission(row: ResettlementSubmissionRow): ResettlementSubmission {
  const confirmed = row.confirmed as unknown as ConfirmedCategories & { warnings: Warning[] };
  return {
    caseId: row.case_id,
    primary: confirmed.primary,
    secondary: confirmed.secondary,
    priority: confirmed.priority,
    notTaken: confirmed.notTaken,
    warnings: confirmed.warnings,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at.toISOString(),
    waitingSince: row.waiting_since,
    submittedAt: row.submitted_at === null ? null : row.submitted_at.toISOString(),
    version: row.version,
  };
}

export function presentStep(row: SolutionStepRow, flagged: readonly LeftBehindChild[], decided: readonly string[]): SolutionStep {
  const done = new Set(decided);
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as SolutionStep['kind'],
    status: row.status,
    completedAt: row.completed_at === null ? null : row.completed_at.toISOString(),
    version: row.version,
    childrenLeftBehind: flagged.map((c) => ({
      childId: c.childId,
      arrangementId: c.arrangementId,
      arrangementType: c.arrangementType,
      carerPersonId: c.carer.kind === 'person' ? c.carer.personId : null,
      decisionRecorded: done.has(c.childId),
    })),
  };
}
