import { can, checkDueDate, dayOf, err, ok, type Result } from '@waymark/core';
import type { CaseTask, CaseTaskCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { insertCaseTasks } from '../../db/cases-repository';
import { agencyExistsInOperation } from '../../db/consents-repository';
import { findPerson } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentCaseTask } from '../../presenters/case';
import { caseFor } from '../case-for';
import { auditConsentRefusal, isConsentRefusal, requireConsent, type ConsentRefusal } from '../consent/require-consent';
import type { UseCaseContext } from '../context';
import { dueBeforeOpened } from './case-state';
import { checkTaskOwner } from './task-owner';

const recipientProblem = (code: string, message: string) => failure('validation_failed', undefined, [{ path: '/recipientAgencyId', code, message }]);

/**
 * Adds a task, follow-up, or a plan action, service or referral to an open case. Owned by
 * the case's worker unless another worker of its agency is named. Tasks carry their own
 * version, so adding one does not make everyone's open case page stale. A referral naming
 * its recipient agency is one made on the person's consent to it: refused unless that
 * consent is in force now (no override here: a referral that says "with consent" must have it).
 */
export async function addCaseTask(ctx: UseCaseContext, caseId: string, input: CaseTaskCreate): Promise<Result<CaseTask, Failure>> {
  if (!can(ctx.actor, 'case.update')) return err(failure('forbidden'));
  if (input.recipientAgencyId !== undefined && input.kind !== 'referral') {
    return err(recipientProblem('referral_only', 'a recipient agency is named only for a referral'));
  }
  const now = ctx.now();
  const result = await transact(ctx.db, async (tx): Promise<Result<CaseTask, Failure>> => {
    // Locked so that a closure approved meanwhile is seen before a task lands on a closed case.
    const found = await caseFor(tx, ctx.actor, caseId, 'case.update', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before new work is added'));
    const due = checkDueDate(dayOf(current.opened_at), input.dueDate ?? null);
    if (!due.ok) return err(dueBeforeOpened('/dueDate'));
    const owner = await checkTaskOwner(tx, input.ownerUserId === undefined ? current.assigned_user_id : input.ownerUserId, current, '/ownerUserId');
    if (!owner.ok) return owner;
    let consentId: string | null = null;
    if (input.recipientAgencyId !== undefined) {
      if (!(await agencyExistsInOperation(tx, current.operation_id, input.recipientAgencyId))) {
        return err(recipientProblem('unknown_agency', "an agency of the case's operation"));
      }
      const person = current.person_id === null ? undefined : await findPerson(tx, ctx.actor, current.person_id);
      if (!person) return err(recipientProblem('person_case_required', "consent to a referral is one person's: refer from the person's own case"));
      const consent = await requireConsent(tx, ctx, person, 'referral', { recipientAgencyId: input.recipientAgencyId });
      if (!consent.ok) return err(atRecipient(consent.error));
      consentId = consent.value.consentId;
    }
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
      details: {
        taskId: row!.id,
        kind: row!.kind,
        ownerUserId: row!.owner_user_id,
        dueDate: row!.due_date,
        ...(input.recipientAgencyId === undefined ? {} : { recipientAgencyId: input.recipientAgencyId, consentId }),
      },
      at: now,
    });
    return ok(presentCaseTask(row!, dayOf(now), { actor: ctx.actor, record: { assignedUserId: current.assigned_user_id }, ring: ctx.keyRing }));
  });
  if (!result.ok && isConsentRefusal(result.error)) await auditConsentRefusal(ctx, result.error, 'case.referral_create');
  return result;
}

/** The refusal names the field the client sent (there is no override on this path). */
function atRecipient(refusal: ConsentRefusal): ConsentRefusal {
  return {
    ...refusal,
    errors: [{ path: '/recipientAgencyId', code: refusal.refusal.status, message: `consent to a referral to this agency is ${refusal.refusal.status}` }],
  };
}
