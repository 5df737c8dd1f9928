import { can, checkDueDate, dayOf, err, ok, type Result } from '@waymark/core';
import type { CaseTask, CaseTaskCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { insertCaseTasks } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentCaseTask } from '../../presenters/case';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';
import { dueBeforeOpened } from './case-state';
import { checkTaskOwner } from './task-owner';

/**
 * Adds a task, follow-up, or a plan action, service or referral to an open case. Owned by
 * the case's worker unless another worker of its agency is named. Tasks carry their own
 * version, so adding one does not make everyone's open case page stale.
 */
export async function addCaseTask(ctx: UseCaseContext, caseId: string, input: CaseTaskCreate): Promise<Result<CaseTask, Failure>> {
  if (!can(ctx.actor, 'case.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    // Locked so that a closure approved meanwhile is seen before a task lands on a closed case.
    const found = await caseFor(tx, ctx.actor, caseId, 'case.update', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before new work is added'));
    const due = checkDueDate(dayOf(current.opened_at), input.dueDate ?? null);
    if (!due.ok) return err(dueBeforeOpened('/dueDate'));
    const owner = await checkTaskOwner(tx, input.ownerUserId === undefined ? current.assigned_user_id : input.ownerUserId, current, '/ownerUserId');
    if (!owner.ok) return owner;
    const [row] = await insertCaseTasks(tx, [
      {
        operation_id: current.operation_id,
        id: uuidv7(),
        case_id: current.id,
        kind: input.kind,
        title: input.title,
        owner_user_id: owner.value,
        due_date: due.value,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      },
    ]);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'case.task_create',
      resourceType: 'case',
      resourceId: current.id,
      details: { taskId: row!.id, kind: row!.kind, ownerUserId: row!.owner_user_id, dueDate: row!.due_date },
      at: now,
    });
    return ok(presentCaseTask(row!, dayOf(now), { actor: ctx.actor, record: { assignedUserId: current.assigned_user_id }, ring: ctx.keyRing }));
  });
}
