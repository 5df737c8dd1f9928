import { can, canCompleteSolutionStep, dayOf, err, ok, type Result } from '@waymark/core';
import type { SolutionStep, SolutionStepUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { bidsOnStep, findStepForUpdate, updateStepAtVersion } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentStep } from '../../presenters/solutions';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';
import { leftBehindBy } from './left-behind';

const NEXT: Record<string, readonly string[]> = { planned: ['in_progress', 'completed', 'cancelled'], in_progress: ['completed', 'cancelled'] };

/**
 * Progresses, completes or cancels a step. Completion is refused (409
 * `child_decision_required`, one error per child at /children/<id>) while any child the
 * step would leave behind has no best-interests determination on this step.
 */
export async function updateSolutionStep(ctx: UseCaseContext, stepId: string, input: SolutionStepUpdate): Promise<Result<SolutionStep, Failure>> {
  if (!can(ctx.actor, 'solution.assess')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx) => {
    const step = await findStepForUpdate(tx, ctx.actor.operationIds, stepId);
    if (!step) return err(failure('not_found'));
    // The step is reached through its case: outside the case's scope it does not exist.
    const found = await caseFor(tx, ctx.actor, step.case_id, 'solution.assess');
    if (!found.ok) return found;
    const row = found.value;
    if (step.version !== input.version) return err(failure('version_conflict', `the step is at version ${step.version}; reload and reapply your change`));
    if (!(NEXT[step.status] ?? []).includes(input.status)) return err(failure('illegal_transition', `a ${step.status} step cannot become ${input.status}`));
    const flagged = await leftBehindBy(tx, row, step, today);
    const decided = await bidsOnStep(tx, row.operation_id, step.id);
    if (input.status === 'completed') {
      const allowed = canCompleteSolutionStep(step, flagged, decided.map((childId) => ({ childId, solutionStepId: step.id })));
      if (!allowed.ok) return err({ ...invalid(allowed.error), code: 'child_decision_required' });
    }
    const completed = input.status === 'completed';
    const updated = await updateStepAtVersion(
      tx,
      { operationId: step.operation_id, id: step.id, version: input.version },
      { status: input.status, completed_at: completed ? now : null, completed_by: completed ? ctx.actor.userId : null, updated_by: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: `solution_step.${input.status}`,
      resourceType: 'case',
      resourceId: row.id,
      details: { stepId: step.id, kind: step.kind, childrenFlagged: flagged.map((c) => c.childId).join(','), decisionsRecorded: decided.length, version: updated.version },
      at: now,
    });
    return ok(presentStep(updated, await leftBehindBy(tx, row, updated, today), decided));
  });
}
