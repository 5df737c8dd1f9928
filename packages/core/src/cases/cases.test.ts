import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableCaseEvents, CASE_EVENTS, isLegalCaseState, newCaseState, transitionCase, type CaseCommand, type CaseState } from './lifecycle';
import { sortWorkItems, type WorkItem } from './my-work';
import { addDays, checkDueDate } from './plan';

const AT = '2026-06-15T10:00:00.000Z';
const cmd = (event: CaseCommand['event'], over: Partial<CaseCommand> = {}): CaseCommand => ({
  event,
  actorId: 'worker',
  mayApproveClosure: false,
  reason: null,
  at: AT,
  ...over,
});

function run(state: CaseState, ...commands: CaseCommand[]): CaseState {
  return commands.reduce((current, command) => {
    const next = transitionCase(current, command);
    if (!next.ok) throw new Error(`${command.event}: ${next.error}`);
    return next.value;
  }, state);
}

const FORWARD = [cmd('start_assessment'), cmd('agree_plan'), cmd('start_implementation'), cmd('start_follow_up')];

describe('case lifecycle', () => {
  it('walks identified → assessment → case plan → implementation → follow-up in order', () => {
    expect(run(newCaseState(), ...FORWARD).status).toBe('follow_up');
  });

  it('refuses a skipped step', () => {
    expect(transitionCase(newCaseState(), cmd('start_implementation'))).toEqual({ ok: false, error: 'illegal_transition' });
  });

  it('closes only on request with a reason and approval by someone else who may approve', () => {
    const open = run(newCaseState(), ...FORWARD);
    expect(transitionCase(open, cmd('request_closure'))).toEqual({ ok: false, error: 'reason_required' });
    expect(transitionCase(open, cmd('approve_closure', { actorId: 'supervisor', mayApproveClosure: true }))).toEqual({ ok: false, error: 'closure_not_requested' });
    const requested = run(open, cmd('request_closure', { reason: 'Goals met; the person agrees.' }));
    expect(requested.status).toBe('follow_up');
    expect(transitionCase(requested, cmd('approve_closure'))).toEqual({ ok: false, error: 'approval_required' });
    expect(transitionCase(requested, cmd('approve_closure', { mayApproveClosure: true }))).toEqual({ ok: false, error: 'self_approval' });
    const closed = run(requested, cmd('approve_closure', { actorId: 'supervisor', mayApproveClosure: true }));
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'supervisor', closedAt: AT });
    expect(isLegalCaseState(closed)).toBe(true);
  });

  it('does not move on while a closure waits', () => {
    const requested = run(newCaseState(), cmd('request_closure', { reason: 'Moved away.' }));
    expect(transitionCase(requested, cmd('start_assessment'))).toEqual({ ok: false, error: 'closure_pending' });
    expect(run(requested, cmd('withdraw_closure_request'), cmd('start_assessment')).status).toBe('assessment');
  });

  it('a rejected closure needs a reason and leaves the case open', () => {
    const requested = run(newCaseState(), cmd('request_closure', { reason: 'Moved away.' }));
    expect(transitionCase(requested, cmd('reject_closure', { actorId: 's', mayApproveClosure: true }))).toEqual({ ok: false, error: 'reason_required' });
    const rejected = run(requested, cmd('reject_closure', { actorId: 's', mayApproveClosure: true, reason: 'Referral still open.' }));
    expect(rejected).toEqual(newCaseState());
  });

  it('reopens a closed case into assessment, with a reason', () => {
    const closed = run(newCaseState(), cmd('request_closure', { reason: 'Done.' }), cmd('approve_closure', { actorId: 's', mayApproveClosure: true }));
    expect(transitionCase(closed, cmd('reopen'))).toEqual({ ok: false, error: 'reason_required' });
    expect(transitionCase(newCaseState(), cmd('reopen', { reason: 'x' }))).toEqual({ ok: false, error: 'illegal_transition' });
    expect(run(closed, cmd('reopen', { reason: 'New incident reported.' }))).toEqual({ ...newCaseState(), status: 'assessment' });
  });

  it('offers the events that would succeed', () => {
    expect(availableCaseEvents(newCaseState())).toEqual(['start_assessment', 'request_closure']);
  });

  it('no sequence of events, by anyone, reaches an illegal state', () => {
    const command = fc.record({
      event: fc.constantFrom(...CASE_EVENTS),
      actorId: fc.constantFrom('worker', 'supervisor', 'other'),
      mayApproveClosure: fc.boolean(),
      reason: fc.option(fc.constantFrom('', '   ', 'A reason.'), { nil: null }),
      at: fc.constant(AT),
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state = newCaseState();
        for (const c of commands) {
          const next = transitionCase(state, c);
          if (!next.ok) continue;
          // Closing happens only through an approval by someone other than the requester.
          if (next.value.status === 'closed' && state.status !== 'closed') {
            expect(c.event).toBe('approve_closure');
            expect(c.mayApproveClosure).toBe(true);
            expect(c.actorId).not.toBe(state.closureRequest?.requestedBy);
          }
          state = next.value;
          expect(isLegalCaseState(state)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('case plan dates and My work order', () => {
  it('refuses a due date before the case opened', () => {
    expect(checkDueDate('2026-06-15', '2026-06-14')).toEqual({ ok: false, error: 'due_before_opened' });
    expect(checkDueDate('2026-06-15', '2026-06-15')).toEqual({ ok: true, value: '2026-06-15' });
    expect(checkDueDate('2026-06-15', null)).toEqual({ ok: true, value: null });
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('puts overdue first, then by due date, then the more urgent case', () => {
    const items: WorkItem[] = [
      { id: 'undated', dueDate: null, casePriority: 'critical' },
      { id: 'later-low', dueDate: '2026-07-01', casePriority: 'low' },
      { id: 'later-high', dueDate: '2026-07-01', casePriority: 'high' },
      { id: 'overdue', dueDate: '2026-06-01', casePriority: 'low' },
      { id: 'today', dueDate: '2026-06-15', casePriority: 'medium' },
    ];
    expect(sortWorkItems(items, '2026-06-15').map((i) => i.id)).toEqual(['overdue', 'today', 'later-high', 'later-low', 'undated']);
  });
});
