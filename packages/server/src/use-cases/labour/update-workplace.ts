import { err, mayChangeWorkplace, ok, type Result } from '@waymark/core';
import type { Workplace, WorkplaceUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findWorkplace, lockWorkplace, updateWorkplace as updateRow } from '../../db/labour-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentWorkplace } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { operationsFor } from './workplace-operations';

/** Changes a workplace (names the version read: a stale one is 409); only its holder may (403 for others, who can see it). */
export async function updateWorkplace(ctx: UseCaseContext, id: string, input: WorkplaceUpdate): Promise<Result<Workplace, Failure>> {
  const operations = operationsFor(ctx, 'labour.record');
  if (!operations.ok) return operations;
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await lockWorkplace(tx, operations.value, id);
    if (!current) return err(failure('not_found'));
    if (!mayChangeWorkplace(ctx.actor, recordRef(current))) return err(failure('forbidden', 'another agency, or a worker outside your scope, holds this workplace'));
    if (current.version !== input.version) return err(failure('version_conflict'));
    const { version: _version, ...change } = input;
    await updateRow(tx, { operation_id: current.operation_id, id, version: current.version }, {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.sector === undefined ? {} : { sector: change.sector }),
      ...(change.adminAreaCode === undefined ? {} : { admin_area_code: change.adminAreaCode }),
      ...(change.siteId === undefined ? {} : { site_id: change.siteId }),
      ...(change.description === undefined ? {} : { description: change.description }),
      updated_at: now,
      updated_by: ctx.actor.userId,
    });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: current.operation_id, action: 'labour.workplace_update', resourceType: 'workplace', resourceId: id, details: { fields: Object.keys(change).join(',') }, at: now });
    const row = await findWorkplace(tx, ctx.actor, [current.operation_id], id);
    return row ? ok(presentWorkplace(row, ctx.actor)) : err(failure('not_found'));
  });
}
