import { err, ok, type Result } from '../result';

/**
 * A protection case's lifecycle (domain.md §3): identified → assessment → case plan →
 * implementation → follow-up → closed. Closing is two-handed: the worker asks, with a
 * reason; someone else who may approve closures agrees. Reopening goes back to assessment,
 * because whatever brought the person back has to be assessed before anything is planned.
 */
export const CASE_STATUSES = ['identified', 'assessment', 'case_plan', 'implementation', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_EVENTS = [
  'start_assessment',
  'agree_plan',
  'start_implementation',
  'start_follow_up',
  'request_closure',
  'withdraw_closure_request',
  'approve_closure',
  'reject_closure',
  'reopen',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** Stable codes: the server maps each to a problem; clients translate them. */
export type CaseTransitionError =
  | 'illegal_transition'
  | 'reason_required'
  | 'approval_required'
  | 'self_approval'
  | 'closure_pending'
  | 'closure_not_requested';

export interface ClosureRequest {
  requestedBy: string;
  requestedAt: string;
  reason: string;
}

export interface CaseState {
  status: CaseStatus;
  /** Pending while open; kept on a closed case as the reason it was closed for. */
  closureRequest: ClosureRequest | null;
  closedAt: string | null;
  closedBy: string | null;
}

export interface CaseCommand {
  event: CaseEvent;
  actorId: string;
  /** Whether the actor holds `case.approve_closure` on this case (the caller asks the rule book). */
  mayApproveClosure: boolean;
  reason?: string | null;
  /** ISO instant. */
  at: string;
}

/** The forward steps: each from exactly one status. */
const FORWARD: Partial<Record<CaseEvent, { from: CaseStatus; to: CaseStatus }>> = {
  start_assessment: { from: 'identified', to: 'assessment' },
  agree_plan: { from: 'assessment', to: 'case_plan' },
  start_implementation: { from: 'case_plan', to: 'implementation' },
  start_follow_up: { from: 'implementation', to: 'follow_up' },
};

export const REASON_MAX_CHARS = 2000;

export function newCaseState(): CaseState {
  return { status: 'identified', closureRequest: null, closedAt: null, closedBy: null };
}

const pending = (state: CaseState) => state.status !== 'closed' && state.closureRequest !== null;

function cleanReason(reason: string | null | undefined): string | null {
  const trimmed = (reason ?? '').trim();
  return trimmed.length === 0 ? null : trimmed.slice(0, REASON_MAX_CHARS);
}

/** The one place a case changes status. Pure: the caller persists and audits the answer. */
export function transitionCase(state: CaseState, command: CaseCommand): Result<CaseState, CaseTransitionError> {
  const forward = FORWARD[command.event];
  if (forward) {
    if (state.status !== forward.from) return err('illegal_transition');
    // While a closure waits for approval the case does not move on: approve or withdraw first.
    if (pending(state)) return err('closure_pending');
    return ok({ ...state, status: forward.to });
  }
  switch (command.event) {
    case 'request_closure': {
      if (state.status === 'closed') return err('illegal_transition');
      if (pending(state)) return err('closure_pending');
      const reason = cleanReason(command.reason);
      if (!reason) return err('reason_required');
      return ok({ ...state, closureRequest: { requestedBy: command.actorId, requestedAt: command.at, reason } });
    }
    case 'withdraw_closure_request':
      if (!pending(state)) return err('closure_not_requested');
      return ok({ ...state, closureRequest: null });
    case 'approve_closure': {
      if (state.status === 'closed') return err('illegal_transition');
      if (!state.closureRequest) return err('closure_not_requested');
      if (!command.mayApproveClosure) return err('approval_required');
      if (state.closureRequest.requestedBy === command.actorId) return err('self_approval');
      return ok({ ...state, status: 'closed', closedAt: command.at, closedBy: command.actorId });
    }
    case 'reject_closure': {
      if (!pending(state)) return err('closure_not_requested');
      if (!command.mayApproveClosure) return err('approval_required');
      if (!cleanReason(command.reason)) return err('reason_required');
      return ok({ ...state, closureRequest: null });
    }
    case 'reopen': {
      if (state.status !== 'closed') return err('illegal_transition');
      if (!cleanReason(command.reason)) return err('reason_required');
      return ok({ status: 'assessment', closureRequest: null, closedAt: null, closedBy: null });
    }
    default:
      return err('illegal_transition');
  }
}

/** What a legal state looks like; the property test checks no event sequence escapes it. */
export function isLegalCaseState(state: CaseState): boolean {
  if (!(CASE_STATUSES as readonly string[]).includes(state.status)) return false;
  if (state.status === 'closed') {
    const request = state.closureRequest;
    return (
      request !== null &&
      request.reason.trim().length > 0 &&
      state.closedAt !== null &&
      state.closedBy !== null &&
      state.closedBy !== request.requestedBy
    );
  }
  if (state.closedAt !== null || state.closedBy !== null) return false;
  return state.closureRequest === null || state.closureRequest.reason.trim().length > 0;
}

/** Which events make sense now, for clients to offer (the server still decides). */
export function availableCaseEvents(state: CaseState): CaseEvent[] {
  return CASE_EVENTS.filter((event) => {
    const probe = transitionCase(state, { event, actorId: '\u0000probe', mayApproveClosure: true, reason: 'probe', at: '1970-01-01T00:00:00Z' });
    return probe.ok;
  });
}
