import { err, mayChangeWorkplace, ok, type Result } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import { lockWorkplace, updateWorkplace } from '../../db/labour-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { operationsFor } from './workplace-operations';

/**
 * Removes a workplace from lists and the map. Archived, not deleted: its reports and links
 * are the history of what was known, and the audit trail points at them. Only its holder
 * archives it (core/policy mayChangeWorkplace): others see it on the shared map, so they
 * are told 403, not 404.
 */
export async function archiveWorkplace(ctx: UseCaseContext, id: string): Promise<Result<null, Failure>> {
  const operations = operationsFor(ctx, 'labour.record');
  if (!operations.ok) return operations;
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await lockWorkplace(tx, operations.value, id);
    if (!current) return err(failure('not_found'));
    if (!mayChangeWorkplace(ctx.actor, recordRef(current))) return err(failure('forbidden', 'another agency, or a worker outside your scope, holds this workplace'));
    await updateWorkplace(tx, { operation_id: current.operation_id, id, version: current.version }, { archived_at: now, updated_at: now, updated_by: ctx.actor.userId });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: current.operation_id, action: 'labour.workplace_archive', resourceType: 'workplace', resourceId: id, at: now });
    return ok(null);
  });
}
