import { checkPersonDates, err, ok, type Result } from '@waymark/core';
import type { PersonCreate, PersonDetail } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { anyIdTaken } from '../../db/client-ids-repository';
import { insertHouseholdChanges } from '../../db/household-changes-repository';
import { findHousehold, updateHouseholdAtVersion } from '../../db/households-repository';
import { personColumns } from '../../db/person-columns';
import { insertPersons } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';
import { resolveOperation } from '../resolve-operation';
import { checkPlacement } from './check-placement';
import { checkPersonAreas } from './check-area';
import { holderFor } from '../holder';
import { recordRef } from '../record-ref';
import { documentProblems, presentIdentityDocumentsFor, writeIdentityDocuments } from './identity-documents';

export async function registerPerson(ctx: UseCaseContext, input: PersonCreate): Promise<Result<PersonDetail, Failure>> {
  const operation = resolveOperation(ctx, 'person.create', input.operationId);
  if (!operation.ok) return operation;
  const operationId = operation.value;
  const now = ctx.now();
  const dateProblems = [...checkPersonDates(input, now), ...documentProblems(input.identityDocuments, input, [], now, ['identityDocuments'])];
  if (dateProblems.length > 0) return err(invalid(dateProblems));

  return transact(ctx.db, async (tx) => {
    const placement = await checkPlacement(tx, ctx.actor, operationId, input);
    const holder = await holderFor(ctx, tx, operationId);
    if (!holder.ok) return holder;
    if (!placement.ok) return placement;
    const area = await checkPersonAreas(tx, operationId, [{ code: input.adminAreaCode, path: ['adminAreaCode'] }]);
    if (!area.ok) return area;
    // An id chosen on a device must not be anyone's in any operation; the answer is the same
    // whoever holds it, so it confirms nothing about a record the caller may not see.
    if (input.id !== undefined && (await anyIdTaken(tx, [input.id]))) return err(failure('duplicate_id'));
    const id = input.id ?? uuidv7();
    if (input.householdId !== null && input.relationshipToHead === 'head') {
      const household = await findHousehold(tx, [operationId], input.householdId);
      if (household?.head_person_id) {
        return err(invalid([{ code: 'household_multiple_heads', path: ['relationshipToHead'], message: 'this household already has a head' }]));
      }
      if (household) {
        await updateHouseholdAtVersion(
          tx,
          { operationId, id: household.id, version: household.version },
          { head_person_id: id, updated_by: ctx.actor.userId },
        );
      }
    }
    const columns = personColumns(input);
    const [row] = await insertPersons(tx, [
      {
        ...columns,
        setting: columns.setting ?? placement.value.siteSetting,
        admin_area_code: columns.admin_area_code ?? placement.value.siteAdminArea,
        id,
        ...holder.value,
        operation_id: operationId,
        household_id: input.householdId,
        relationship_to_head: input.relationshipToHead,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      },
    ]);
    if (input.householdId !== null) {
      // Joining a household at registration is a line of its history like any other.
      await insertHouseholdChanges(tx, operationId, ctx.actor.userId, [{ householdId: input.householdId, kind: 'member_added', personId: id }]);
    }
    const documents = await writeIdentityDocuments(tx, ctx.keyRing, ctx.actor.userId, { operationId, personId: id, dateOfBirth: input.dateOfBirth, birthYear: input.birthYear }, input.identityDocuments, []);
    if (!documents.ok) return documents;
    const presented = presentIdentityDocumentsFor(ctx.keyRing, documents.value, { actor: ctx.actor, person: recordRef(row!) });
    if (!presented.ok) return presented;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId,
      action: 'person.create',
      resourceType: 'person',
      resourceId: id,
      details: input.householdId ? { householdId: input.householdId } : {},
    });
    return ok({ ...presentPerson(row!, now), identityDocuments: presented.value });
  });
}
