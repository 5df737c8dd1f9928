import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { SolutionStep, SolutionStepCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { insertStep } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentStep } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { leftBehindBy } from './left-behind';

/** Plans a resettlement, repatriation or relocation step; the answer flags every child it would leave behind. */
export async function addSolutionStep(ctx: UseCaseContext, caseId: string, input: SolutionStepCreate): Promise<Result<SolutionStep, Failure>> {
  if (!can(ctx.actor, 'solution.assess')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.assess');
    if (!found.ok) return found;
    const row = found.value;
    if (row.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before a solution step is planned'));
    const step = await insertStep(tx, { operation_id: row.operation_id, id: uuidv7(), case_id: row.id, kind: input.kind, created_by: ctx.actor.userId, updated_by: ctx.actor.userId });
    const flagged = await leftBehindBy(tx, row, step, dayOf(now));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'solution_step.plan',
      resourceType: 'case',
      resourceId: row.id,
      details: { stepId: step.id, kind: step.kind, childrenFlagged: flagged.map((c) => c.childId).join(',') },
      at: now,
    });
    return ok(presentStep(step, flagged, []));
  });
}
