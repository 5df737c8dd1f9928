import type { CaseState, CaseStatus, CaseTransitionError } from '@waymark/core';
import type { CaseChanges } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import { failure, type Failure } from '../../failure';

/** The lifecycle columns of a case row as core/cases sees them. */
export function caseStateOf(row: CaseRow): CaseState {
  return {
    status: row.status as CaseStatus,
    closureRequest:
      row.closure_requested_at && row.closure_requested_by && row.closure_requested_reason !== null
        ? { requestedBy: row.closure_requested_by, requestedAt: row.closure_requested_at.toISOString(), reason: row.closure_requested_reason }
        : null,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    closedBy: row.closed_by,
  };
}

export function columnsOf(state: CaseState): CaseChanges {
  return {
    status: state.status,
    closure_requested_by: state.closureRequest?.requestedBy ?? null,
    closure_requested_at: state.closureRequest ? new Date(state.closureRequest.requestedAt) : null,
    closure_requested_reason: state.closureRequest?.reason ?? null,
    closed_at: state.closedAt ? new Date(state.closedAt) : null,
    closed_by: state.closedBy,
  };
}

/** core/cases error codes → problems. A missing reason is a field problem on `/reason`. */
export function transitionFailure(code: CaseTransitionError): Failure {
  if (code === 'reason_required') {
    return failure('validation_failed', undefined, [{ path: '/reason', code: 'reason_required', message: 'this step needs a written reason' }]);
  }
  return failure(code);
}

/** A due date earlier than the day the case opened: a field problem, nothing written. */
export function dueBeforeOpened(path: string): Failure {
  return failure('validation_failed', undefined, [{ path, code: 'due_before_opened', message: 'a due date cannot be before the case was opened' }]);
}
