import { err, ok, type Result } from '@waymark/core';
import type { Workplace, WorkplaceCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findWorkplace, insertWorkplace } from '../../db/labour-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentWorkplace } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { holderFor } from '../holder';
import { resolveOperation } from '../resolve-operation';

export async function createWorkplace(ctx: UseCaseContext, input: WorkplaceCreate): Promise<Result<Workplace, Failure>> {
  const operation = resolveOperation(ctx, 'labour.record', input.operationId);
  if (!operation.ok) return operation;
  const now = ctx.now();
  const id = uuidv7();
  return transact(ctx.db, async (tx) => {
    // Held like a person the actor registers: the actor's agency, team and the actor.
    const holder = await holderFor(ctx, tx, operation.value);
    if (!holder.ok) return holder;
    await insertWorkplace(tx, {
      operation_id: operation.value,
      id,
      ...holder.value,
      name: input.name,
      sector: input.sector,
      admin_area_code: input.adminAreaCode,
      site_id: input.siteId ?? null,
      description: input.description ?? null,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
      updated_at: now,
    });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: operation.value, action: 'labour.workplace_create', resourceType: 'workplace', resourceId: id, details: { sector: input.sector }, at: now });
    const row = await findWorkplace(tx, ctx.actor, [operation.value], id);
    return row ? ok(presentWorkplace(row, ctx.actor)) : err(failure('not_found'));
  });
}
