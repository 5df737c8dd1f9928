import { can, err, ok, type Result } from '@waymark/core';
import type { Household, HouseholdUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { insertHouseholdChanges } from '../../db/household-changes-repository';
import { findHouseholdInScope, updateHouseholdAtVersion } from '../../db/households-repository';
import { listHouseholdMembers, setRelationshipToHead } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';
import { checkPlacement } from '../persons/check-placement';

/** Change the head or the site. The new head must already be a member of this household. */
export async function updateHousehold(ctx: UseCaseContext, id: string, input: HouseholdUpdate): Promise<Result<Household, Failure>> {
  if (!can(ctx.actor, 'household.update')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const current = await findHouseholdInScope(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    if (current.version !== input.version) return err(failure('version_conflict'));
    const members = await listHouseholdMembers(tx, current.operation_id, id);
    if (input.headPersonId !== undefined && !members.some((member) => member.id === input.headPersonId)) {
      return err(invalid([{ code: 'household_head_not_member', path: ['headPersonId'], message: 'the head must be a member of the household' }]));
    }
    if (input.siteId !== undefined && input.siteId !== null) {
      const placement = await checkPlacement(tx, ctx.actor, current.operation_id, { siteId: input.siteId, householdId: null, relationshipToHead: null });
      if (!placement.ok) return placement;
    }
    const updated = await updateHouseholdAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      {
        ...(input.siteId !== undefined ? { site_id: input.siteId } : {}),
        ...(input.headPersonId !== undefined ? { head_person_id: input.headPersonId } : {}),
        updated_by: ctx.actor.userId,
      },
    );
    if (!updated) return err(failure('version_conflict'));
    if (input.headPersonId !== undefined && input.headPersonId !== current.head_person_id) {
      // The former head stays a member; their relation to the new head must be re-recorded.
      await setRelationshipToHead(tx, current.operation_id, current.head_person_id, 'other_relative');
      await setRelationshipToHead(tx, current.operation_id, input.headPersonId, 'head');
      await insertHouseholdChanges(tx, current.operation_id, ctx.actor.userId, [{ householdId: id, kind: 'head_changed', personId: input.headPersonId }]);
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'household.update',
      resourceType: 'household',
      resourceId: id,
      details: { headChanged: input.headPersonId !== undefined, siteChanged: input.siteId !== undefined },
    });
    return ok(presentHousehold(updated, await listHouseholdMembers(tx, current.operation_id, id), ctx.now()));
  });
}

