import { can, err, ok, type Result } from '@waymark/core';
import type { PersonDetail } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findPerson } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { identityDocumentsFor } from './identity-documents';

/** Reading one person's record is audited too (ODK Central logs only exports; we log views). */
export async function getPerson(ctx: UseCaseContext, id: string): Promise<Result<PersonDetail, Failure>> {
  if (!can(ctx.actor, 'person.read')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const row = await findPerson(tx, ctx.actor, id);
    if (!row) return err(failure('not_found'));
    const documents = await identityDocumentsFor(tx, ctx.keyRing, { actor: ctx.actor, person: { ...recordRef(row), personId: row.id } });
    if (!documents.ok) return documents;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'person.view',
      resourceType: 'person',
      resourceId: id,
    });
    return ok({ ...presentPerson(row, ctx.now()), identityDocuments: documents.value });
  });
}
