import { can, err, ok, type Result } from '@waymark/core';
import type { Agency, AgencyCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { agencyCodeTaken, insertAgencyRow } from '../../db/organisations-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentAgency } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';

/** Agencies are operation-wide structure: only an operation-scope holder of agency.manage. */
export async function createAgency(ctx: UseCaseContext, operationId: string, input: AgencyCreate): Promise<Result<Agency, Failure>> {
  if (!can(ctx.actor, 'agency.manage')) return err(failure('forbidden'));
  if (!ctx.actor.operationIds.includes(operationId)) return err(failure('not_found'));
  if (ctx.actor.scope !== 'operation') return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    if (await agencyCodeTaken(tx, operationId, input.code)) {
      return err(failure('conflict', undefined, [{ path: '/code', code: 'taken', message: 'an agency with this code exists in the operation' }]));
    }
    const agency = await insertAgencyRow(tx, { operation_id: operationId, id: uuidv7(), ...input });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'agency.create',
      resourceType: 'agency',
      resourceId: agency.id,
      details: { kind: agency.kind },
    });
    return ok(presentAgency(agency));
  });
}
