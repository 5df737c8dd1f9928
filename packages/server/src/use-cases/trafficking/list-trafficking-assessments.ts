import { can, err, ok, type Result } from '@waymark/core';
import type { TraffickingAssessmentList } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { listTraffickingAssessments } from '../../db/trafficking-repository';
import { failure, type Failure } from '../../failure';
import { presentAssessments } from './present-assessments';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { caseFor } from '../case-for';

/** A case's trafficking assessments, newest (current) first, as this reader may see them; audited. */
export async function listTraffickingAssessmentsOfCase(ctx: UseCaseContext, caseId: string): Promise<Result<TraffickingAssessmentList, Failure>> {
  if (!can(ctx.actor, 'trafficking.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<TraffickingAssessmentList, Failure>> => {
    const found = await caseFor(tx, ctx.actor, caseId, 'trafficking.read');
    if (!found.ok) return found;
    const current = found.value;
    const rows = await listTraffickingAssessments(tx, current.operation_id, current.id);
    // Not resource type `case`: reads are audited but are not the case's story.
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'trafficking.view',
      resourceType: 'trafficking_assessments',
      resourceId: current.id,
      details: { count: rows.length },
      at: now,
    });
    const items = presentAssessments(ctx.keyRing, rows, { actor: ctx.actor, record: recordRef(current) });
    if (!items.ok) return items;
    return ok({ items: items.value, total: rows.length });
  });
}
