import { can, canInOperation, err, ok, type Result } from '@waymark/core';
import type { DisclosureSetting } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findDisclosureThreshold, saveDisclosureThreshold } from '../../db/population-aggregates-repository';
import { transact, type Db, type Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** Waymark's default k: cells from 1 to 4 are withheld. CTDC publishes with 11. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export async function suppressionThresholdOf(db: Db | Tx, operationId: string): Promise<number> {
  return (await findDisclosureThreshold(db, operationId)) ?? DEFAULT_SUPPRESSION_THRESHOLD;
}

/**
 * One table over several operations: the strictest k among them holds for every cell,
 * so no operation's people are published under a smaller threshold than it set.
 */
export async function suppressionThresholdOfAll(db: Db | Tx, operationIds: readonly string[]): Promise<number> {
  if (operationIds.length === 0) return DEFAULT_SUPPRESSION_THRESHOLD;
  const each = await Promise.all(operationIds.map((id) => suppressionThresholdOf(db, id)));
  return Math.max(...each);
}

/** An operation sets its own k (a partner publishing with CTDC's 11, say); audited. */
export async function setDisclosureThreshold(ctx: UseCaseContext, operationId: string, input: DisclosureSetting): Promise<Result<DisclosureSetting, Failure>> {
  if (!can(ctx.actor, 'aggregate.manage')) return err(failure('forbidden'));
  if (!canInOperation(ctx.actor, 'aggregate.manage', operationId)) return err(failure('not_found'));
  return transact(ctx.db, async (tx) => {
    await saveDisclosureThreshold(tx, operationId, input.minCellCount, ctx.actor.userId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'disclosure.threshold_set',
      resourceType: 'operation',
      resourceId: operationId,
      details: { minCellCount: input.minCellCount },
    });
    return ok(input);
  });
}
