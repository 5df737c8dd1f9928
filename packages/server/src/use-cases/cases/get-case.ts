import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { CaseDetail } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';
import { caseDetail } from './case-detail';

/** A case with its tasks and timeline; every read is audited (`case.view`). */
export async function getCase(ctx: UseCaseContext, id: string): Promise<Result<CaseDetail, Failure>> {
  if (!can(ctx.actor, 'case.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, id, 'case.read');
    if (!found.ok) return found;
    const row = found.value;
    const detail = await caseDetail(tx, row, dayOf(now), ctx.actor, ctx.keyRing);
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: row.operation_id, action: 'case.view', resourceType: 'case', resourceId: row.id, at: now });
    return ok(detail);
  });
}
