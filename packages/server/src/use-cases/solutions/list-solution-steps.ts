import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { SolutionStepList } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { bidsOnStep, stepsOfCase } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentStep } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { leftBehindBy } from './left-behind';

/**
 * The case's solution steps, each with the children it would leave behind as of today and
 * whether each child's own BID on it is recorded, so the case page shows the block before
 * anyone tries to complete the step. Audited read (the flags name children).
 */
export async function listSolutionSteps(ctx: UseCaseContext, caseId: string): Promise<Result<SolutionStepList, Failure>> {
  if (!can(ctx.actor, 'solution.read')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.read');
    if (!found.ok) return found;
    const row = found.value;
    const steps = await stepsOfCase(tx, row.operation_id, row.id);
    const items = [];
    for (const step of steps) items.push(presentStep(step, await leftBehindBy(tx, row, step, today), await bidsOnStep(tx, row.operation_id, step.id)));
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: row.operation_id, action: 'solution_steps.view', resourceType: 'case', resourceId: row.id, at: now });
    return ok({ items });
  });
}
