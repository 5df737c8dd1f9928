import { can, err, ok, type Result } from '@waymark/core';
import type { ErasureRequest, Person } from '@waymark/contracts';
import { anonymisePersonRows, forgetAuditReasonsAbout } from '../../db/anonymise-repository';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';

/**
 * Erasure on the person's request, as anonymisation: the row stays (so aggregates and the
 * audit trail, which holds ids only, stay true) and everything identifying goes. Asking
 * again answers the anonymised record and changes nothing; the request is audited either
 * way in the same transaction, its reason as a commitment only (docs/DATA-PROTECTION.md).
 */
export async function erasePerson(ctx: UseCaseContext, id: string, request: ErasureRequest): Promise<Result<Person, Failure>> {
  if (!can(ctx.actor, 'person.erase')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, id, 'person.erase', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    const erased = current.anonymised_at === null ? await anonymisePersonRows(tx, current, ctx.actor.userId, now) : null;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'person.erase',
      resourceType: 'person',
      resourceId: id,
      reason: request.reason,
      details: erased
        ? { mode: request.mode, screenings: erased.counts.screenings, protectionNotes: erased.counts.protectionNotes, workplaceLinks: erased.counts.workplaceLinks, cases: erased.counts.cases, auditReasons: erased.counts.auditReasons, version: erased.row.version }
        : { mode: request.mode, alreadyAnonymised: true },
    });
    // The request's own words are about the person (often naming them): the trail keeps
    // who, when and how, and the commitment to the words; the words themselves go now.
    await forgetAuditReasonsAbout(tx, current.operation_id, id);
    return ok(presentPerson(erased?.row ?? current, now));
  });
}
