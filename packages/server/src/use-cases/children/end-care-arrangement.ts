import { dayOf, endArrangement, err, ok, type Result } from '@waymark/core';
import type { CareArrangementChanged, CareArrangementEnd } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { updateArrangementAtVersion } from '../../db/care-history-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentCareArrangement } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { arrangementFor, lockedHistory, moveReview } from './care-change';
import { coreArrangement } from './child-subject';

/**
 * Ends an open arrangement at the version read: the child left this carer on `endDate`
 * (planned up to core's horizon ahead). Leaving a carer is a change of care: the latest
 * BID's review comes forward to that day.
 */
export async function endCareArrangement(ctx: UseCaseContext, id: string, input: CareArrangementEnd): Promise<Result<CareArrangementChanged, Failure>> {
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<CareArrangementChanged, Failure>> => {
    const found = await arrangementFor(tx, ctx, id);
    if (!found.ok) return found;
    const { child } = found.value;
    const history = await lockedHistory(tx, child);
    const current = history.find((row) => row.id === id)!;
    if (current.version !== input.version) return err(failure('version_conflict', `the arrangement is at version ${current.version}; reload and reapply your change`));
    const ended = endArrangement(history.map(coreArrangement), id, input.endDate, dayOf(now));
    if (!ended.ok) return err(invalid(ended.error));
    const row = await updateArrangementAtVersion(tx, { operationId: current.operation_id, id, version: input.version }, { ended_on: input.endDate }, ctx.actor.userId);
    if (!row) return err(failure('version_conflict'));
    const nextReview = await moveReview(tx, child);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.care_arrangement_end',
      resourceType: 'person',
      resourceId: child.id,
      details: { careArrangementId: row.id, version: row.version, reviewDueOn: nextReview?.dueDate ?? null },
      at: now,
    });
    return ok({ ...presentCareArrangement(row), nextReview });
  });
}
