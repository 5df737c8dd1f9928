import { can, canForWholeOperation, canInOperation, err, ok, type Actor, type Result } from '@waymark/core';
import type { OperationSecurity } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findOperationMfaRequired, setOperationMfaRequired } from '../../db/operations-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * An operation's security policy is set by whoever may create operations: an administrator
 * whose scope is the whole operation. Another operation's policy is not found.
 */
export function refuseOperationAdministration(actor: Actor, operationId: string): Failure | null {
  if (!can(actor, 'agency.manage')) return failure('forbidden');
  if (!canInOperation(actor, 'agency.manage', operationId)) return failure('not_found');
  if (!canForWholeOperation(actor, 'agency.manage', operationId)) return failure('forbidden');
  return null;
}

export async function getOperationSecurity(ctx: UseCaseContext, operationId: string): Promise<Result<OperationSecurity, Failure>> {
  const refused = refuseOperationAdministration(ctx.actor, operationId);
  if (refused) return err(refused);
  const mfaRequired = await findOperationMfaRequired(ctx.db, operationId);
  if (mfaRequired === undefined) return err(failure('not_found'));
  return ok({ mfaRequired });
}

/**
 * Requires (or stops requiring) a second factor of everyone in the operation, audited with
 * the old and new value. Members without one are led to enrol at their next request; their
 * sessions stay open for that alone.
 */
export async function setOperationSecurity(ctx: UseCaseContext, operationId: string, input: OperationSecurity): Promise<Result<OperationSecurity, Failure>> {
  const refused = refuseOperationAdministration(ctx.actor, operationId);
  if (refused) return err(refused);
  return transact(ctx.db, async (tx) => {
    const was = await setOperationMfaRequired(tx, operationId, input.mfaRequired);
    if (was === undefined) return err(failure('not_found'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'operation.mfa_policy_set',
      resourceType: 'operation',
      resourceId: operationId,
      details: { mfaRequired: input.mfaRequired, was },
    });
    return ok({ mfaRequired: input.mfaRequired });
  });
}
