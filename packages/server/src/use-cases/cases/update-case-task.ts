import { can, checkDueDate, dayOf, err, isFinishedTaskStatus, ok, type CaseTaskStatus, type Result } from '@waymark/core';
import type { CaseTask, CaseTaskUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findCase, findTaskForUpdate, updateTaskAtVersion, type CaseTaskChanges } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentCaseTask } from '../../presenters/case';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { dueBeforeOpened } from './case-state';
import { checkTaskOwner } from './task-owner';

/** Marks a task done (or cancelled, or back to open), moves its due date or its owner, at the version read. */
export async function updateCaseTask(ctx: UseCaseContext, id: string, input: CaseTaskUpdate): Promise<Result<CaseTask, Failure>> {
  if (!can(ctx.actor, 'case.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const task = await findTaskForUpdate(tx, ctx.actor.operationIds, id);
    if (!task) return err(failure('not_found'));
    // The case decides reach (scope), as the person does for notes.
    const parent = await findCase(tx, ctx.actor, task.case_id);
    if (!parent || parent.operation_id !== task.operation_id) return err(failure('not_found'));
    if (!can(ctx.actor, 'case.update', recordRef(parent))) return err(failure('forbidden'));
    if (task.version !== input.version) {
      return err(failure('version_conflict', `the task is at version ${task.version}; reload and reapply your change`));
    }
    if (parent.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before its tasks change'));
    const changes: CaseTaskChanges = { updated_by: ctx.actor.userId };
    if (input.dueDate !== undefined) {
      const due = checkDueDate(dayOf(parent.opened_at), input.dueDate);
      if (!due.ok) return err(dueBeforeOpened('/dueDate'));
      changes.due_date = due.value;
    }
    if (input.ownerUserId !== undefined) {
      const owner = await checkTaskOwner(tx, input.ownerUserId, parent, '/ownerUserId');
      if (!owner.ok) return owner;
      changes.owner_user_id = owner.value;
    }
    if (input.status !== undefined) {
      const finished = isFinishedTaskStatus(input.status);
      changes.status = input.status;
      changes.done_at = finished ? (task.done_at ?? now) : null;
    }
    const updated = await updateTaskAtVersion(tx, { operationId: task.operation_id, id, version: input.version }, changes);
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: task.operation_id,
      action: 'case.task_update',
      resourceType: 'case',
      resourceId: parent.id,
      details: {
        taskId: id,
        kind: updated.kind,
        from: task.status,
        status: updated.status as CaseTaskStatus,
        dueDate: updated.due_date,
        ownerUserId: updated.owner_user_id,
        version: updated.version,
      },
      at: now,
    });
    return ok(presentCaseTask(updated, dayOf(now), { actor: ctx.actor, record: { assignedUserId: parent.assigned_user_id }, ring: ctx.keyRing }));
  });
}
