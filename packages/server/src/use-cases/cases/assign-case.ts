import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { CaseAssignment, CaseDetail } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findCaseForUpdate, updateCaseAtVersion } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { checkNewHolder } from '../check-new-holder';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { caseDetail } from './case-detail';

/**
 * Hands a case to a worker (and optionally a team) of the agency that holds it, as persons
 * are assigned: never across agencies, because agency scope and "mine" rely on that.
 * `case.assign`: supervisors balancing the workload they see, and protection and
 * child-protection officers allocating the cases in their scope.
 */
export async function assignCase(ctx: UseCaseContext, id: string, input: CaseAssignment): Promise<Result<CaseDetail, Failure>> {
  if (!can(ctx.actor, 'case.assign')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await findCaseForUpdate(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    if (!can(ctx.actor, 'case.assign', recordRef(current))) return err(failure('forbidden'));
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the case is at version ${current.version}; reload and reapply your change`));
    }
    const holder = await checkNewHolder(tx, current, input, 'case');
    if (!holder.ok) return holder;
    const teamId = holder.value.teamId;
    const updated = await updateCaseAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      { assigned_user_id: input.assignedUserId, team_id: teamId, updated_by: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'case.assign',
      resourceType: 'case',
      resourceId: id,
      details: { from: current.assigned_user_id, to: input.assignedUserId, teamId, version: updated.version },
      at: now,
    });
    return ok(await caseDetail(tx, updated, dayOf(now), ctx.actor));
  });
}
