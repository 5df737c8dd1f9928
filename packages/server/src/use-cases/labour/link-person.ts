import { can, err, ok, type Result } from '@waymark/core';
import type { WorkplacePersonLink } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { linkPerson, lockWorkplace } from '../../db/labour-repository';
import { findPerson } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { operationsFor } from './workplace-operations';

/**
 * Staff record that a person was screened at (or works at) a workplace. The person is found
 * through the record scope (outside it: 404) and must be of the workplace's operation.
 */
export async function linkPersonToWorkplace(ctx: UseCaseContext, workplaceId: string, input: WorkplacePersonLink): Promise<Result<{ workplaceId: string; personId: string; created: boolean }, Failure>> {
  const operations = operationsFor(ctx, 'labour.record');
  if (!operations.ok) return operations;
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const workplace = await lockWorkplace(tx, operations.value, workplaceId);
    if (!workplace) return err(failure('not_found'));
    const person = await findPerson(tx, ctx.actor, input.personId);
    if (!person || person.operation_id !== workplace.operation_id) return err(failure('not_found'));
    if (!can(ctx.actor, 'labour.record', recordRef(person))) return err(failure('forbidden'));
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const created = await linkPerson(tx, { operation_id: workplace.operation_id, workplace_id: workplace.id, person_id: person.id, linked_by: ctx.actor.userId, linked_at: now });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: workplace.operation_id, action: 'labour.person_link', resourceType: 'person', resourceId: person.id, details: { workplaceId: workplace.id, created }, at: now });
    return ok({ workplaceId: workplace.id, personId: person.id, created });
  });
}
