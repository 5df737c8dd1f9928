import { can, err, ok, type Result } from '@waymark/core';
import type { HouseholdChangeResult, HouseholdMemberRemove } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { insertHouseholdChanges, setHouseholdOf, type NewHouseholdChange } from '../../db/household-changes-repository';
import { setHouseholdHead } from '../../db/households-repository';
import { setRelationshipToHead } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';
import { childrenLeftWithoutAdult, memberAt, openHouseholdForChange, reloadHousehold, setHead } from './household-edit';

/**
 * A member leaves the household and stays registered, in no household. The head leaves
 * only with a new head named in the same request: a household is never left headless. A
 * child who leaves alone, and children left behind with no adult, are flagged to child
 * protection (the answer's `childrenWithoutAdult`, the history's line).
 */
export async function removeHouseholdMember(ctx: UseCaseContext, id: string, input: HouseholdMemberRemove): Promise<Result<HouseholdChangeResult, Failure>> {
  if (!can(ctx.actor, 'household.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const opened = await openHouseholdForChange(ctx, tx, id, input.version);
    if (!opened.ok) return opened;
    const { household, members } = opened.value;
    const leaving = memberAt(members, input.personId, ['personId']);
    if (!leaving.ok) return leaving;
    const staying = members.filter((member) => member.id !== input.personId);
    const headLeaves = household.head_person_id === input.personId;
    if (input.headPersonId !== undefined && !headLeaves && input.headPersonId !== household.head_person_id) {
      return err(invalid([{ code: 'head_change_elsewhere', path: ['headPersonId'], message: 'change the head on its own when the head stays' }]));
    }
    if (headLeaves && staying.length > 0) {
      if (input.headPersonId === undefined) {
        return err(invalid([{ code: 'household_without_head', path: ['headPersonId'], message: 'the head is leaving: name the member who heads the household now' }]));
      }
      const head = memberAt(staying, input.headPersonId, ['headPersonId']);
      if (!head.ok) return head;
    }
    if (headLeaves && staying.length === 0) {
      // The last member: the household is left empty. It keeps its number and history.
      await setHouseholdHead(tx, { operationId: household.operation_id, id: household.id }, null, ctx.actor.userId);
    }

    await setHouseholdOf(tx, household.operation_id, ctx.actor.userId, [{ personId: input.personId, householdId: null, relationshipToHead: null }]);
    const changes: NewHouseholdChange[] = [
      { householdId: household.id, kind: 'member_removed', personId: input.personId, childWithoutAdult: childrenLeftWithoutAdult([leaving.value], now).length > 0 },
    ];
    if (headLeaves && input.headPersonId !== undefined && staying.length > 0) {
      await setHead(tx, household, input.headPersonId, ctx.actor.userId);
      await setRelationshipToHead(tx, household.operation_id, input.headPersonId, 'head');
      changes.push({ householdId: household.id, kind: 'head_changed', personId: input.headPersonId });
    }
    await insertHouseholdChanges(tx, household.operation_id, ctx.actor.userId, changes);
    const after = await reloadHousehold(tx, household.operation_id, household.id);
    const flagged = [...(changes[0]!.childWithoutAdult ? [input.personId] : []), ...childrenLeftWithoutAdult(after.members, now)];
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: household.operation_id,
      action: 'household.member_remove',
      resourceType: 'household',
      resourceId: household.id,
      details: { personId: input.personId, headChanged: headLeaves && staying.length > 0, childrenWithoutAdult: flagged.length },
    });
    return ok({ household: presentHousehold(after.household, after.members, now), newHousehold: null, childrenWithoutAdult: flagged });
  });
}
