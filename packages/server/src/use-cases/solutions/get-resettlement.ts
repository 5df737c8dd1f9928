import { can, err, ok, type Result } from '@waymark/core';
import type { ResettlementState } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findSubmission } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentSubmission } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';

/** What was confirmed for the case's resettlement (null before anyone confirmed); audited read. */
export async function getResettlement(ctx: UseCaseContext, caseId: string): Promise<Result<ResettlementState, Failure>> {
  if (!can(ctx.actor, 'solution.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.read');
    if (!found.ok) return found;
    const row = found.value;
    const stored = await findSubmission(tx, row.operation_id, row.id);
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: row.operation_id, action: 'resettlement.view', resourceType: 'case', resourceId: row.id, at: now });
    return ok({ caseId: row.id, submission: stored ? presentSubmission(stored) : null });
  });
}
