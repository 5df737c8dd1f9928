import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { CaseDetail, CasePlanUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { updateCaseAtVersion } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';
import { caseDetail } from './case-detail';

/**
 * Replaces the person-centred part of the plan (their goals, strengths, skills, wishes),
 * at the version read. The plan's actions, services and referrals are tasks (add-case-task).
 * The audit row counts lines; the words stay in the plan.
 */
export async function updateCasePlan(ctx: UseCaseContext, id: string, input: CasePlanUpdate): Promise<Result<CaseDetail, Failure>> {
  if (!can(ctx.actor, 'case.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, id, 'case.update', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the case is at version ${current.version}; reload and reapply your change`));
    }
    if (current.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before its plan changes'));
    const plan = { goals: input.goals, strengths: input.strengths, skills: input.skills, wishes: input.wishes };
    const updated = await updateCaseAtVersion(tx, { operationId: current.operation_id, id, version: input.version }, { plan: JSON.stringify(plan), updated_by: ctx.actor.userId });
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'case.plan_update',
      resourceType: 'case',
      resourceId: id,
      details: { goals: plan.goals.length, strengths: plan.strengths.length, skills: plan.skills.length, wishes: plan.wishes.length, version: updated.version },
      at: now,
    });
    return ok(await caseDetail(tx, updated, dayOf(now), ctx.actor, ctx.keyRing));
  });
}
