import { can, childrenWithoutAdult, dayOf, err, ok, type Result } from '@waymark/core';
import { findHousehold, findHouseholdInScope, setHouseholdHead, updateHouseholdAtVersion } from '../../db/households-repository';
import { listHouseholdMembers } from '../../db/persons-repository';
import type { HouseholdRow, PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { refuseIfErased } from '../erased-records';
import { recordRef } from '../record-ref';
import type { UseCaseContext } from '../context';

export interface OpenedHousehold {
  household: HouseholdRow;
  members: PersonRow[];
}

/**
 * The household a change names, in the actor's scope (404 outside it), with the verb on
 * the record (403), at the version the caller read (409 otherwise). The version is taken at
 * once, so the row stays locked until commit and a second change made from the same
 * reading is refused rather than merged.
 */
export async function openHouseholdForChange(ctx: UseCaseContext, tx: Tx, id: string, version: number): Promise<Result<OpenedHousehold, Failure>> {
  const found = await findHouseholdInScope(tx, ctx.actor, id);
  if (!found) return err(failure('not_found'));
  if (!can(ctx.actor, 'household.update', recordRef(found))) return err(failure('forbidden'));
  const household = await updateHouseholdAtVersion(tx, { operationId: found.operation_id, id, version }, { updated_by: ctx.actor.userId });
  if (!household) return err(failure('version_conflict'));
  return ok({ household, members: await listHouseholdMembers(tx, household.operation_id, id) });
}

/** A member the request names, at its path: one of this household's, and not anonymised. */
export function memberAt(members: readonly PersonRow[], personId: string, path: (string | number)[]): Result<PersonRow, Failure> {
  const member = members.find((candidate) => candidate.id === personId);
  if (!member) return err(invalid([{ code: 'not_a_member', path, message: 'this person is not a member of the household' }]));
  const live = refuseIfErased('household.update', member);
  return live.ok ? ok(member) : live;
}

/** Sets the head (the household row only; relationships are the caller's). */
export async function setHead(tx: Tx, household: HouseholdRow, headPersonId: string, userId: string): Promise<void> {
  await setHouseholdHead(tx, { operationId: household.operation_id, id: household.id }, headPersonId, userId);
}

/** Children under 18 in this group with no adult: flagged to child protection, never refused. */
export function childrenLeftWithoutAdult(group: readonly PersonRow[], now: Date): string[] {
  return childrenWithoutAdult(
    group.map((member) => ({ id: member.id, dateOfBirth: member.date_of_birth, birthYear: member.birth_year })),
    dayOf(now),
  );
}

export async function reloadHousehold(tx: Tx, operationId: string, id: string): Promise<OpenedHousehold> {
  const household = await findHousehold(tx, [operationId], id);
  if (!household) throw new Error(`household ${id} vanished inside its own transaction`);
  return { household, members: await listHouseholdMembers(tx, operationId, id) };
}
