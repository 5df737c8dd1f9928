import { can, err, ok, type Result } from '@waymark/core';
import type { Person, PersonAssignment } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findPersonForUpdate, updatePersonAtVersion } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import { checkNewHolder } from '../check-new-holder';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

/**
 * Assigns a person to a worker (and optionally a team) of the agency that holds them.
 * Assignment never crosses agencies: agency scope, and the rule book's "mine" inside it,
 * rely on that. The person must be in the actor's scope; a stale `version` is a 409.
 */
export async function assignPerson(ctx: UseCaseContext, id: string, input: PersonAssignment): Promise<Result<Person, Failure>> {
  if (!can(ctx.actor, 'person.assign')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await findPersonForUpdate(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    if (!can(ctx.actor, 'person.assign', recordRef(current))) return err(failure('forbidden'));
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the record is at version ${current.version}; reload and reapply your change`));
    }
    const holder = await checkNewHolder(tx, current, input, 'person');
    if (!holder.ok) return holder;
    const teamId = holder.value.teamId;
    const updated = await updatePersonAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      { assigned_user_id: input.assignedUserId, team_id: teamId, updated_by: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'person.assign',
      resourceType: 'person',
      resourceId: id,
      details: { from: current.assigned_user_id, to: input.assignedUserId, teamId, version: updated.version },
    });
    return ok(presentPerson(updated, now));
  });
}
