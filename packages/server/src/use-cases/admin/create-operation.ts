import { can, err, ok, type Result } from '@waymark/core';
import type { OperationCreate, OperationCreated } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { addUserToOperation, insertAgencyRow, operationCodeTaken } from '../../db/organisations-repository';
import { transact } from '../../db/transaction';
import { insertOperation } from '../../db/users-repository';
import { failure, type Failure } from '../../failure';
import { presentAgency } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';

/**
 * A new operation, its first agency (so records and users have a holder from the start),
 * and the creator working in it. Only an administrator whose scope is a whole operation:
 * anyone narrower would be creating a place wider than they hold.
 */
export async function createOperation(ctx: UseCaseContext, input: OperationCreate): Promise<Result<OperationCreated, Failure>> {
  if (!can(ctx.actor, 'agency.manage') || ctx.actor.scope !== 'operation') return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    if (await operationCodeTaken(tx, input.code)) {
      return err(failure('conflict', undefined, [{ path: '/code', code: 'taken', message: 'an operation with this code exists' }]));
    }
    const id = uuidv7();
    await insertOperation(tx, { id, code: input.code, name: input.name });
    const agency = await insertAgencyRow(tx, { operation_id: id, id: uuidv7(), ...input.firstAgency });
    await addUserToOperation(tx, ctx.actor.userId, id);
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: id, action: 'operation.create', resourceType: 'operation', resourceId: id });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: id,
      action: 'agency.create',
      resourceType: 'agency',
      resourceId: agency.id,
      details: { kind: agency.kind },
    });
    return ok({ id, code: input.code, name: input.name, firstAgency: presentAgency(agency) });
  });
}
