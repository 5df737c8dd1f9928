import { can, dayOf, err, type Result } from '@waymark/core';
import type { Bia, BiaComplete } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { completeBiaAtVersion, findBiaForUpdate } from '../../db/children-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { recordRef } from '../record-ref';
import { presentBiaFor } from './bia-content';

/** Completes a BIA at the version read: not before it was opened, not in the future, once. */
export async function completeBia(ctx: UseCaseContext, id: string, input: BiaComplete): Promise<Result<Bia, Failure>> {
  if (!can(ctx.actor, 'child.assess')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<Bia, Failure>> => {
    const current = await findBiaForUpdate(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    const found = await personFor(tx, ctx.actor, current.person_id, 'child.assess');
    if (!found.ok) return found;
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the assessment is at version ${current.version}; reload and reapply your change`));
    }
    if (current.completed_at !== null) return err(failure('version_conflict', 'the assessment is already complete'));
    if (input.completedAt < current.identified_at) {
      return err(invalid([{ path: ['completedAt'], code: 'dates_out_of_order', message: 'an assessment is completed after the child was identified' }]));
    }
    if (input.completedAt > dayOf(now)) return err(invalid([{ path: ['completedAt'], code: 'date_in_future', message: 'record completion once it has happened' }]));
    const updated = await completeBiaAtVersion(tx, { operationId: current.operation_id, id, version: input.version }, input.completedAt, ctx.actor.userId);
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'child.bia_complete',
      resourceType: 'person',
      resourceId: current.person_id,
      details: { biaId: id, version: updated.version },
      at: now,
    });
    return presentBiaFor(ctx.keyRing, updated, { actor: ctx.actor, child: recordRef(found.value) });
  });
}
