import { can, err, ok, type Result } from '@waymark/core';
import type { DurableSolutions } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { caseMemberIds, findAssessment, memberFacts } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentDurableSolutions } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { displacementOf } from './facts';

/** The case's durable-solutions assessment (null before the first) with years in displacement; audited read. */
export async function getDurableSolutions(ctx: UseCaseContext, caseId: string): Promise<Result<DurableSolutions, Failure>> {
  if (!can(ctx.actor, 'solution.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.read');
    if (!found.ok) return found;
    const row = found.value;
    const members = await memberFacts(tx, row.operation_id, await caseMemberIds(tx, row));
    const stored = await findAssessment(tx, row.operation_id, row.id);
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: row.operation_id, action: 'solutions.view', resourceType: 'case', resourceId: row.id, at: now });
    return ok(presentDurableSolutions(row, stored, displacementOf(members, now)));
  });
}
