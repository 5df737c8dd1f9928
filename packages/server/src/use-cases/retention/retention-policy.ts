import { can, canForWholeOperation, err, ok, type Actor, type Result } from '@waymark/core';
import type { RetentionPolicy, RetentionPolicyUpdate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findRetentionPolicy, insertRetentionPolicy, updateRetentionPolicyAtVersion } from '../../db/retention-repository';
import type { OperationRetentionRow } from '../../db/schema';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * Lacking the verb is a 403; an operation outside the actor's is a 404 (its existence stays
 * hidden). A retention policy decides over every agency's people: an administrator of one
 * agency is refused (403), as for the operation's security policy.
 */
export function retentionAccess(actor: Actor, operationId: string): Failure | null {
  if (!can(actor, 'retention.manage')) return failure('forbidden');
  if (!actor.operationIds.includes(operationId)) return failure('not_found');
  if (!canForWholeOperation(actor, 'retention.manage', operationId)) return failure('forbidden', 'retention reaches the whole operation: it needs an operation-wide scope');
  return null;
}

export function presentRetentionPolicy(operationId: string, row: OperationRetentionRow | undefined): RetentionPolicy {
  return {
    operationId,
    policyId: row?.id ?? null,
    anonymiseInactiveAfterDays: row?.anonymise_inactive_after_days ?? null,
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export async function getRetentionPolicy(ctx: UseCaseContext, operationId: string): Promise<Result<RetentionPolicy, Failure>> {
  const refused = retentionAccess(ctx.actor, operationId);
  if (refused) return err(refused);
  return ok(presentRetentionPolicy(operationId, await findRetentionPolicy(ctx.db, operationId)));
}

/** Names the version read (0 before any policy): a stale one is a 409, never a silent overwrite. */
export async function updateRetentionPolicy(ctx: UseCaseContext, operationId: string, input: RetentionPolicyUpdate): Promise<Result<RetentionPolicy, Failure>> {
  const refused = retentionAccess(ctx.actor, operationId);
  if (refused) return err(refused);
  return transact(ctx.db, async (tx) => {
    const change = { anonymiseInactiveAfterDays: input.anonymiseInactiveAfterDays, actorId: ctx.actor.userId };
    const row =
      input.version === 0
        ? await insertRetentionPolicy(tx, { operationId, id: uuidv7(), ...change })
        : await updateRetentionPolicyAtVersion(tx, { operationId, version: input.version }, change);
    if (!row) return err(failure('version_conflict', 'the retention policy changed since you read it; reload and reapply'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'retention.policy_update',
      resourceType: 'retention_policy',
      resourceId: row.id,
      details: { anonymiseInactiveAfterDays: row.anonymise_inactive_after_days, version: row.version },
    });
    return ok(presentRetentionPolicy(operationId, row));
  });
}
