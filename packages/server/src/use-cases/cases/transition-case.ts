import { can, dayOf, err, ok, transitionCase, type Result } from '@waymark/core';
import type { CaseDetail, CaseTransition } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { updateCaseAtVersion } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { caseDetail } from './case-detail';
import { caseStateOf, columnsOf, transitionFailure } from './case-state';

/**
 * One lifecycle step, decided by core/cases. Updating the case is the entry ticket; who
 * may approve a closure is the rule book's `case.approve_closure` on this very case.
 * Reasons go to the audit row's `reason`, never into its details.
 */
export async function transitionCaseUseCase(ctx: UseCaseContext, id: string, input: CaseTransition): Promise<Result<CaseDetail, Failure>> {
  if (!can(ctx.actor, 'case.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, id, 'case.update', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the case is at version ${current.version}; reload and reapply your change`));
    }
    const from = caseStateOf(current);
    const next = transitionCase(from, {
      event: input.event,
      actorId: ctx.actor.userId,
      mayApproveClosure: can(ctx.actor, 'case.approve_closure', recordRef(current)),
      reason: input.reason ?? null,
      at: now.toISOString(),
    });
    if (!next.ok) return err(transitionFailure(next.error));
    const updated = await updateCaseAtVersion(tx, { operationId: current.operation_id, id, version: input.version }, { ...columnsOf(next.value), updated_by: ctx.actor.userId });
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'case.transition',
      resourceType: 'case',
      resourceId: id,
      details: { event: input.event, from: from.status, to: next.value.status, version: updated.version },
      reason: input.reason?.trim() ? input.reason.trim() : null,
      at: now,
    });
    return ok(await caseDetail(tx, updated, dayOf(now), ctx.actor, ctx.keyRing));
  });
}
