import { can, err, ok, type Result } from '@waymark/core';
import type { HouseholdChangeResult, HouseholdSplit } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { insertHouseholdChanges, setHouseholdOf, type NewHouseholdChange } from '../../db/household-changes-repository';
import { insertHousehold } from '../../db/households-repository';
import { setRelationshipToHead } from '../../db/persons-repository';
import type { PersonRow } from '../../db/schema';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';
import { checkPlacement } from '../persons/check-placement';
import { childrenLeftWithoutAdult, memberAt, openHouseholdForChange, reloadHousehold, setHead } from './household-edit';

/**
 * A member leaves to form a household of their own, as its head, optionally with
 * dependants. The new household is held as the one it came from (the same caseworker
 * follows the family), and both histories say so: `split_to` on the old, `split_from` on
 * the new, one line per person who moved. Children who move without an adult, or are left
 * with none, are flagged to child protection.
 */
export async function splitHousehold(ctx: UseCaseContext, id: string, input: HouseholdSplit): Promise<Result<HouseholdChangeResult, Failure>> {
  if (!can(ctx.actor, 'household.update') || !can(ctx.actor, 'household.create')) return err(failure('forbidden'));
  const now = ctx.now();
  const movingIds = [input.headPersonId, ...input.dependants.map((dependant) => dependant.personId)];
  const repeated = movingIds.findIndex((personId, index) => movingIds.indexOf(personId) !== index);
  if (repeated >= 0) {
    return err(invalid([{ code: 'repeated_person', path: ['dependants', repeated - 1, 'personId'], message: 'each person moves once' }]));
  }
  return transact(ctx.db, async (tx) => {
    const opened = await openHouseholdForChange(ctx, tx, id, input.version);
    if (!opened.ok) return opened;
    const { household, members } = opened.value;
    const moving: PersonRow[] = [];
    for (const [index, personId] of movingIds.entries()) {
      const member = memberAt(members, personId, index === 0 ? ['headPersonId'] : ['dependants', index - 1, 'personId']);
      if (!member.ok) return member;
      moving.push(member.value);
    }
    const staying = members.filter((member) => !movingIds.includes(member.id));
    if (staying.length === 0) {
      return err(invalid([{ code: 'nobody_stays', path: ['dependants'], message: 'everyone would leave: change the head or the site instead' }]));
    }
    const headLeaves = household.head_person_id !== null && movingIds.includes(household.head_person_id);
    if (input.remainingHeadPersonId !== undefined && !headLeaves) {
      return err(invalid([{ code: 'head_change_elsewhere', path: ['remainingHeadPersonId'], message: 'the head stays: change the head on its own' }]));
    }
    if (headLeaves) {
      if (input.remainingHeadPersonId === undefined) {
        return err(invalid([{ code: 'household_without_head', path: ['remainingHeadPersonId'], message: 'the head is leaving: name the member who heads the household left behind' }]));
      }
      const head = memberAt(staying, input.remainingHeadPersonId, ['remainingHeadPersonId']);
      if (!head.ok) return head;
    }
    const siteId = input.siteId === undefined ? household.site_id : input.siteId;
    if (siteId !== null && siteId !== household.site_id) {
      const placement = await checkPlacement(tx, ctx.actor, household.operation_id, { siteId, householdId: null, relationshipToHead: null });
      if (!placement.ok) return placement;
    }

    const newId = uuidv7();
    await insertHousehold(tx, {
      operation_id: household.operation_id,
      id: newId,
      site_id: siteId,
      head_person_id: input.headPersonId,
      created_by: ctx.actor.userId,
      agency_id: household.agency_id,
      team_id: household.team_id,
      assigned_user_id: household.assigned_user_id,
    });
    await setHouseholdOf(tx, household.operation_id, ctx.actor.userId, [
      { personId: input.headPersonId, householdId: newId, relationshipToHead: 'head', siteId },
      ...input.dependants.map((dependant) => ({ personId: dependant.personId, householdId: newId, relationshipToHead: dependant.relationshipToHead, siteId })),
    ]);
    if (headLeaves && input.remainingHeadPersonId !== undefined) {
      await setHead(tx, household, input.remainingHeadPersonId, ctx.actor.userId);
      await setRelationshipToHead(tx, household.operation_id, input.remainingHeadPersonId, 'head');
    }

    const movedAlone = new Set(childrenLeftWithoutAdult(moving, now));
    const leftBehind = childrenLeftWithoutAdult(staying, now);
    const changes: NewHouseholdChange[] = [
      ...movingIds.map((personId) => ({ householdId: household.id, kind: 'split_to' as const, personId, otherHouseholdId: newId, childWithoutAdult: movedAlone.has(personId) })),
      ...(headLeaves && input.remainingHeadPersonId !== undefined ? [{ householdId: household.id, kind: 'head_changed' as const, personId: input.remainingHeadPersonId }] : []),
      ...movingIds.map((personId) => ({ householdId: newId, kind: 'split_from' as const, personId, otherHouseholdId: household.id, childWithoutAdult: movedAlone.has(personId) })),
    ];
    await insertHouseholdChanges(tx, household.operation_id, ctx.actor.userId, changes);
    const flagged = [...movedAlone, ...leftBehind];
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: household.operation_id,
      action: 'household.split',
      resourceType: 'household',
      resourceId: household.id,
      details: { newHouseholdId: newId, moved: movingIds.length, headChanged: headLeaves, childrenWithoutAdult: flagged.length },
    });
    const before = await reloadHousehold(tx, household.operation_id, household.id);
    const made = await reloadHousehold(tx, household.operation_id, newId);
    return ok({
      household: presentHousehold(before.household, before.members, now),
      newHousehold: presentHousehold(made.household, made.members, now),
      childrenWithoutAdult: flagged,
    });
  });
}
