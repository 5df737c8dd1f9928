import { can, err, ok, type Result } from '@waymark/core';
import type { ScreeningList } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findPerson } from '../../db/persons-repository';
import { listScreeningsOfPerson } from '../../db/screenings-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentScreening } from '../../presenters/screening';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

/** A person's screening history, newest first. Reading answers is audited. */
export async function listScreenings(ctx: UseCaseContext, keyRing: KeyRing | undefined, personId: string): Promise<Result<ScreeningList, Failure>> {
  if (!can(ctx.actor, 'screening.read')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const person = await findPerson(tx, ctx.actor, personId);
    if (!person) return err(failure('not_found'));
    const rows = await listScreeningsOfPerson(tx, person.operation_id, person.id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: 'screening.list',
      resourceType: 'person',
      resourceId: person.id,
      details: { count: rows.length },
    });
    return ok({ items: rows.map((row) => presentScreening(row, { actor: ctx.actor, person: recordRef(person) }, keyRing)), total: rows.length });
  });
}
