import { can, canInOperation, dayOf, err, ok, overdueItems, type Result } from '@waymark/core';
import type { ChildOverdueList } from '@waymark/contracts';
import { overdueChildItems } from '../../db/children-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

export const CHILD_OVERDUE_LIMIT = 200;

/**
 * Overdue BIAs and reviews of the children in the supervisor's scope, most overdue first
 * (core/children overdueItems orders; the query filters by scope and orders the same way).
 * Ids and dates only, no child's file: not audited as a read of anyone's record.
 */
export async function childrenOverdue(ctx: UseCaseContext): Promise<Result<ChildOverdueList, Failure>> {
  if (!can(ctx.actor, 'child.supervise')) return err(failure('forbidden'));
  const operationIds = ctx.actor.operationIds.filter((id) => canInOperation(ctx.actor, 'child.supervise', id));
  const today = dayOf(ctx.now());
  const rows = await overdueChildItems(ctx.db, { ...ctx.actor, operationIds }, today, CHILD_OVERDUE_LIMIT);
  const items = overdueItems(
    rows.map((r) => ({ kind: r.kind, id: r.id, childId: r.child_id, dueDate: r.due_date, doneOn: null })),
    today,
  );
  return ok({ items: items.map((i) => ({ kind: i.kind, id: i.id, childId: i.childId, dueDate: i.dueDate, daysOverdue: i.daysOverdue })) });
}
