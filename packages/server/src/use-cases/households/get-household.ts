import { can, err, ok, type Result } from '@waymark/core';
import type { Household } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findHouseholdInScope } from '../../db/households-repository';
import { listHouseholdMembers } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';

export async function getHousehold(ctx: UseCaseContext, id: string): Promise<Result<Household, Failure>> {
  if (!can(ctx.actor, 'household.read')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const household = await findHouseholdInScope(tx, ctx.actor, id);
    if (!household) return err(failure('not_found'));
    const members = await listHouseholdMembers(tx, household.operation_id, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: household.operation_id,
      action: 'household.view',
      resourceType: 'household',
      resourceId: id,
    });
    return ok(presentHousehold(household, members, ctx.now()));
  });
}
