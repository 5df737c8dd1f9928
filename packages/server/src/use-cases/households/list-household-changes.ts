import { can, err, ok, type Result } from '@waymark/core';
import type { HouseholdHistory } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { listHouseholdChanges } from '../../db/household-changes-repository';
import { findHouseholdInScope } from '../../db/households-repository';
import { listHouseholdMembers } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentHouseholdChange } from '../../presenters/household-change';
import { recordRef } from '../record-ref';
import type { UseCaseContext } from '../context';
import { childrenLeftWithoutAdult } from './household-edit';

/** A household's history in order, and which of its members are children with no adult now (audited read). */
export async function listHouseholdHistory(ctx: UseCaseContext, id: string): Promise<Result<HouseholdHistory, Failure>> {
  if (!can(ctx.actor, 'household.read')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const household = await findHouseholdInScope(tx, ctx.actor, id);
    if (!household) return err(failure('not_found'));
    if (!can(ctx.actor, 'household.read', recordRef(household))) return err(failure('forbidden'));
    const lines = await listHouseholdChanges(tx, ctx.actor, household.operation_id, id);
    const members = await listHouseholdMembers(tx, household.operation_id, id);
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: household.operation_id, action: 'household.history_view', resourceType: 'household', resourceId: id });
    return ok({ items: lines.map(presentHouseholdChange), childrenWithoutAdult: childrenLeftWithoutAdult(members, ctx.now()) });
  });
}
