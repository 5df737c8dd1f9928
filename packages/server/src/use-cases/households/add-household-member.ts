import { can, checkPersonDates, err, ok, type Result } from '@waymark/core';
import type { HouseholdChangeResult, HouseholdMemberAdd } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { anyIdTaken } from '../../db/client-ids-repository';
import { insertHouseholdChanges, setHouseholdOf } from '../../db/household-changes-repository';
import { personColumns } from '../../db/person-columns';
import { documentProblems, writeIdentityDocuments } from '../persons/identity-documents';
import { findPersonForUpdate, insertPersons } from '../../db/persons-repository';
import type { HouseholdRow } from '../../db/schema';
import { transact, type Tx } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';
import { refuseIfErased } from '../erased-records';
import { holderFor } from '../holder';
import { checkPersonAreas } from '../persons/check-area';
import { checkPlacement } from '../persons/check-placement';
import { recordRef } from '../record-ref';
import { childrenLeftWithoutAdult, openHouseholdForChange, reloadHousehold } from './household-edit';

/**
 * Someone joins a household: a person already registered in the same operation and in no
 * household, or a new person registered into it. They live at the household's site.
 */
export async function addHouseholdMember(ctx: UseCaseContext, id: string, input: HouseholdMemberAdd): Promise<Result<HouseholdChangeResult, Failure>> {
  if (!can(ctx.actor, 'household.update')) return err(failure('forbidden'));
  const now = ctx.now();
  if (input.person) {
    if (!can(ctx.actor, 'person.create')) return err(failure('forbidden'));
    const dates = [
      ...checkPersonDates(input.person, now, ['person']),
      ...documentProblems(input.person.identityDocuments, input.person, [], now, ['person', 'identityDocuments']),
    ];
    if (dates.length > 0) return err(invalid(dates));
  }
  return transact(ctx.db, (tx) => addInTransaction(tx, ctx, id, input, now));
}

async function addInTransaction(tx: Tx, ctx: UseCaseContext, id: string, input: HouseholdMemberAdd, now: Date): Promise<Result<HouseholdChangeResult, Failure>> {
  const opened = await openHouseholdForChange(ctx, tx, id, input.version);
  if (!opened.ok) return opened;
  const { household } = opened.value;
  const joined = input.personId !== undefined ? await joinRegistered(tx, ctx, household, input.personId, input.relationshipToHead) : await registerInto(tx, ctx, household, input);
  if (!joined.ok) return joined;
  await insertHouseholdChanges(tx, household.operation_id, ctx.actor.userId, [{ householdId: household.id, kind: 'member_added', personId: joined.value }]);
  await writeAudit(tx, {
    actorId: ctx.actor.userId,
    operationId: household.operation_id,
    action: 'household.member_add',
    resourceType: 'household',
    resourceId: household.id,
    details: { personId: joined.value, registered: input.person !== undefined },
  });
  const after = await reloadHousehold(tx, household.operation_id, household.id);
  return ok({
    household: presentHousehold(after.household, after.members, now),
    newHousehold: null,
    childrenWithoutAdult: childrenLeftWithoutAdult(after.members, now),
  });
}

/** A registered person joins: same operation, in scope, in no household yet. */
async function joinRegistered(tx: Tx, ctx: UseCaseContext, household: HouseholdRow, personId: string, relationship: string): Promise<Result<string, Failure>> {
  const person = await findPersonForUpdate(tx, ctx.actor, personId);
  // Outside the reader's scope it does not exist, as anywhere else; named at the field.
  if (!person) return err(invalid([{ code: 'unknown_person', path: ['personId'], message: 'no such person' }]));
  if (person.operation_id !== household.operation_id) {
    return err(invalid([{ code: 'person_in_another_operation', path: ['personId'], message: 'this person is registered in another operation' }]));
  }
  if (!can(ctx.actor, 'person.update', recordRef(person))) return err(failure('forbidden'));
  const live = refuseIfErased('person.update', person);
  if (!live.ok) return live;
  if (person.household_id !== null) {
    return err(
      invalid([
        person.household_id === household.id
          ? { code: 'already_member', path: ['personId'], message: 'this person is a member already' }
          : { code: 'person_in_another_household', path: ['personId'], message: 'this person is in another household: remove them there or split it first' },
      ]),
    );
  }
  await setHouseholdOf(tx, household.operation_id, ctx.actor.userId, [
    { personId, householdId: household.id, relationshipToHead: relationship, ...(household.site_id !== null ? { siteId: household.site_id } : {}) },
  ]);
  return ok(personId);
}

/** A new person registered into the household, at its site, held as a new registration is. */
async function registerInto(tx: Tx, ctx: UseCaseContext, household: HouseholdRow, input: HouseholdMemberAdd): Promise<Result<string, Failure>> {
  const person = input.person!;
  if (person.siteId !== null && person.siteId !== household.site_id) {
    return err(invalid([{ code: 'site_differs_from_household', path: ['person', 'siteId'], message: 'members live at the household site' }]));
  }
  const placement = await checkPlacement(tx, ctx.actor, household.operation_id, { siteId: household.site_id, householdId: null, relationshipToHead: null });
  if (!placement.ok) return placement;
  const area = await checkPersonAreas(tx, household.operation_id, [{ code: person.adminAreaCode, path: ['person', 'adminAreaCode'] }]);
  if (!area.ok) return area;
  const holder = await holderFor(ctx, tx, household.operation_id);
  if (!holder.ok) return holder;
  if (person.id !== undefined && (await anyIdTaken(tx, [person.id]))) return err(failure('duplicate_id'));
  const personId = person.id ?? uuidv7();
  const columns = personColumns({ ...person, siteId: household.site_id });
  await insertPersons(tx, [
    {
      ...columns,
      setting: columns.setting ?? placement.value.siteSetting,
      admin_area_code: columns.admin_area_code ?? placement.value.siteAdminArea,
      ...holder.value,
      id: personId,
      operation_id: household.operation_id,
      household_id: household.id,
      relationship_to_head: input.relationshipToHead,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    },
  ]);
  // A new member's documents are registered with them, as at any registration.
  if (person.identityDocuments.length > 0) {
    const holderOf = { operationId: household.operation_id, personId, dateOfBirth: person.dateOfBirth, birthYear: person.birthYear };
    const written = await writeIdentityDocuments(tx, ctx.keyRing, ctx.actor.userId, holderOf, person.identityDocuments, []);
    if (!written.ok) return written;
  }
  await writeAudit(tx, { actorId: ctx.actor.userId, operationId: household.operation_id, action: 'person.create', resourceType: 'person', resourceId: personId, details: { householdId: household.id } });
  return ok(personId);
}
