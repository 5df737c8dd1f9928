import { checkHouseholdHead, checkPersonDates, err, ok, type Result } from '@waymark/core';
import type { Household, HouseholdCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { anyIdTaken } from '../../db/client-ids-repository';
import { insertHousehold } from '../../db/households-repository';
import { personColumns } from '../../db/person-columns';
import { insertPersons } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentHousehold } from '../../presenters/household';
import type { UseCaseContext } from '../context';
import { checkPersonAreas } from '../persons/check-area';
import { checkPlacement } from '../persons/check-placement';
import { resolveOperation } from '../resolve-operation';
import { holderFor } from '../holder';
import { documentProblems, writeIdentityDocuments } from '../persons/identity-documents';

/** A whole household in one step: every member, the head among them, or nothing at all. */
export async function registerHousehold(ctx: UseCaseContext, input: HouseholdCreate): Promise<Result<Household, Failure>> {
  const operation = resolveOperation(ctx, 'household.create', input.operationId);
  if (!operation.ok) return operation;
  const operationId = operation.value;
  const now = ctx.now();
  const problems = [
    ...checkHouseholdHead(input.members),
    ...input.members.flatMap((member, index) => checkPersonDates(member, now, ['members', index])),
    ...input.members.flatMap((member, index) => documentProblems(member.identityDocuments, member, [], now, ['members', index, 'identityDocuments'])),
    ...input.members.flatMap((member, index) =>
      member.siteId !== null && member.siteId !== input.siteId
        ? [{ code: 'site_differs_from_household', path: ['members', index, 'siteId'], message: 'members live at the household site' }]
        : [],
    ),
  ];
  if (problems.length > 0) return err(invalid(problems));

  return transact(ctx.db, async (tx) => {
    const placement = await checkPlacement(tx, ctx.actor, operationId, { siteId: input.siteId, householdId: null, relationshipToHead: null });
    if (!placement.ok) return placement;
    const areas = await checkPersonAreas(tx, operationId, input.members.map((member, index) => ({ code: member.adminAreaCode, path: ['members', index, 'adminAreaCode'] })));
    if (!areas.ok) return areas;
    const holder = await holderFor(ctx, tx, operationId);
    if (!holder.ok) return holder;
    const chosenIds = [input.id, ...input.members.map((member) => member.id)].filter((id): id is string => id !== undefined);
    // Ids chosen on a device are unique across the installation (see register-person).
    if (await anyIdTaken(tx, chosenIds)) return err(failure('duplicate_id'));
    const householdId = input.id ?? uuidv7();
    const memberIds = input.members.map((member) => member.id ?? uuidv7());
    const headIndex = input.members.findIndex((member) => member.relationshipToHead === 'head');
    // The head's foreign key is deferred, so the household can name its head before the row exists.
    const household = await insertHousehold(tx, {
      operation_id: operationId,
      id: householdId,
      site_id: input.siteId,
      head_person_id: memberIds[headIndex]!,
      created_by: ctx.actor.userId,
      ...holder.value,
    });
    const rows = await insertPersons(
      tx,
      input.members.map((member, index) => {
        const columns = personColumns({ ...member, siteId: input.siteId });
        return {
          ...columns,
          setting: columns.setting ?? placement.value.siteSetting,
          admin_area_code: columns.admin_area_code ?? placement.value.siteAdminArea,
          ...holder.value,
          id: memberIds[index]!,
          operation_id: operationId,
          household_id: householdId,
          relationship_to_head: member.relationshipToHead,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        };
      }),
    );
    for (const [index, member] of input.members.entries()) {
      if (member.identityDocuments.length === 0) continue;
      const holderOf = { operationId, personId: memberIds[index]!, dateOfBirth: member.dateOfBirth, birthYear: member.birthYear };
      const written = await writeIdentityDocuments(tx, ctx.keyRing, ctx.actor.userId, holderOf, member.identityDocuments, []);
      if (!written.ok) return written;
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'household.create',
      resourceType: 'household',
      resourceId: householdId,
      details: { members: rows.length },
    });
    return ok(presentHousehold(household, rows, now));
  });
}
