import { can, checkPersonDates, documentTypesAfterEdit, documentTypesHeld, err, ok, type CareSituation, type DocumentType, type Result } from '@waymark/core';
import type { PersonDetail, PersonUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { documentsOfPerson } from '../../db/identity-documents-repository';
import { personChangeColumns } from '../../db/person-columns';
import { updatePersonAtVersion } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { checkPlacement } from './check-placement';
import { checkPersonAreas } from './check-area';
import { refuseIfAnonymised } from './refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { documentProblems, presentIdentityDocumentsFor, writeIdentityDocuments } from './identity-documents';

/** A stale `version` is a 409, never a silent overwrite of someone else's change. */
export async function updatePerson(ctx: UseCaseContext, id: string, input: PersonUpdate): Promise<Result<PersonDetail, Failure>> {
  if (!can(ctx.actor, 'person.update')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, id, 'person.update', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    const live = refuseIfAnonymised(current);
    if (!live.ok) return live;
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the record is at version ${current.version}; reload and reapply your change`));
    }
    const { version, ...fields } = input;
    const merged = {
      dateOfBirth: fields.dateOfBirth !== undefined ? fields.dateOfBirth : current.date_of_birth,
      birthYear:
        fields.birthYear !== undefined
          ? fields.birthYear
          : fields.dateOfBirth
            ? Number(fields.dateOfBirth.slice(0, 4))
            : current.birth_year,
      arrivalDate: fields.arrivalDate !== undefined ? fields.arrivalDate : current.arrival_date,
      careSituation: (fields.careSituation !== undefined ? fields.careSituation : current.care_situation) as CareSituation | null,
    };
    const currentDocuments = await documentsOfPerson(tx, current.operation_id, id);
    const problems = [
      ...checkPersonDates(merged, now),
      ...(fields.identityDocuments ? documentProblems(fields.identityDocuments, merged, currentDocuments, now, ['identityDocuments']) : []),
    ];
    if (problems.length > 0) return err(invalid(problems));
    const placement = await checkPlacement(tx, ctx.actor, current.operation_id, {
      siteId: fields.siteId !== undefined ? fields.siteId : current.site_id,
      householdId: current.household_id,
      relationshipToHead: fields.relationshipToHead !== undefined ? fields.relationshipToHead : current.relationship_to_head,
    });
    if (!placement.ok) return placement;
    const area = await checkPersonAreas(tx, current.operation_id, [{ code: fields.adminAreaCode, path: ['adminAreaCode'] }]);
    if (!area.ok) return area;
    const changes = personChangeColumns(fields);
    let documents = currentDocuments;
    if (fields.identityDocuments !== undefined) {
      const holder = { operationId: current.operation_id, personId: id, dateOfBirth: merged.dateOfBirth, birthYear: merged.birthYear };
      const written = await writeIdentityDocuments(tx, ctx.keyRing, ctx.actor.userId, holder, fields.identityDocuments, currentDocuments);
      if (!written.ok) return written;
      documents = written.value;
    }
    // The type list follows the records (core's documentTypesHeld): a type given in
    // `documents` is held; without it, types only a replaced record gave go.
    const recorded = documents.map((row) => ({ type: row.type as DocumentType }));
    if (fields.documents !== undefined) changes.documents = documentTypesHeld(fields.documents, recorded);
    else if (fields.identityDocuments !== undefined) {
      changes.documents = documentTypesAfterEdit(current.documents as DocumentType[], currentDocuments.map((row) => ({ type: row.type as DocumentType })), recorded);
    }
    if (fields.dateOfBirth) {
      changes.birth_year = merged.birthYear;
      changes.birth_year_estimated = false;
    }
    const updated = await updatePersonAtVersion(
      tx,
      { operationId: current.operation_id, id, version },
      { ...changes, updated_by: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'person.update',
      resourceType: 'person',
      resourceId: id,
      details: { fields: Object.keys(fields).sort().join(','), version: updated.version },
    });
    const presented = presentIdentityDocumentsFor(ctx.keyRing, documents, { actor: ctx.actor, person: recordRef(updated) });
    if (!presented.ok) return presented;
    return ok({ ...presentPerson(updated, now), identityDocuments: presented.value });
  });
}
