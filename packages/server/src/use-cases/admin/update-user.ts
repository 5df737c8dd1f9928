import { can, err, ok, type Result } from '@waymark/core';
import type { User, UserUpdate } from '@waymark/contracts';
import { writeAudit, type AuditEvent } from '../../db/audit';
import { transact } from '../../db/transaction';
import { findVisibleUser, findVisibleUserForUpdate, setTeamsOfUser, updateUser as updateUserRow } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';
import { checkTeams } from './check-teams';
import { currentGrantOf, refuseGrant, refuseManaging } from './grant-failure';

/**
 * Changes a user's display name, role, scope or teams. The granter must be able to have
 * granted both what the user holds now and what they will hold; nobody changes their own
 * role, scope or teams. Each permission change is its own audit event, old and new codes.
 */
export async function updateUser(ctx: UseCaseContext, id: string, input: UserUpdate): Promise<Result<User, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const user = await findVisibleUserForUpdate(tx, ctx.actor, id);
    if (!user) return err(failure('not_found'));
    const roleChanges = input.role !== undefined && input.role !== user.role;
    const scopeChanges = input.scope !== undefined && input.scope !== user.scope;
    const teamsChange = input.teamIds !== undefined && !sameSet(input.teamIds, user.teamIds);
    if (id === ctx.actor.userId && (roleChanges || scopeChanges || teamsChange)) {
      const path = roleChanges ? '/role' : scopeChanges ? '/scope' : '/teamIds';
      return err(failure('cannot_change_own_access', undefined, [{ path, code: 'self', message: 'you cannot change your own access' }]));
    }
    const held = await currentGrantOf(tx, user);
    if (held === null) return err(failure('forbidden'));
    if (id !== ctx.actor.userId) {
      const refused = await refuseManaging(tx, ctx.actor, user);
      if (refused) return err(refused);
    }
    const next = { ...held, role: input.role ?? held.role, scope: input.scope ?? held.scope };
    if (roleChanges || scopeChanges) {
      const refused = refuseGrant(ctx.actor, next);
      if (refused) return err(refused);
    }
    let teamCount = user.teamIds.length;
    if (teamsChange && input.teamIds !== undefined) {
      const teams = await checkTeams(tx, user.agency_id, held.operationIds, input.teamIds);
      if (!teams.ok) return err(failure('validation_failed', undefined, teams.errors));
      await setTeamsOfUser(tx, id, teams.teams);
      teamCount = teams.teams.length;
    }
    const nameChanges = input.displayName !== undefined && input.displayName !== user.display_name;
    await updateUserRow(tx, id, {
      ...(nameChanges ? { display_name: input.displayName } : {}),
      ...(roleChanges ? { role: next.role } : {}),
      ...(scopeChanges ? { scope: next.scope } : {}),
    });
    // Filed under an operation the actor shares with the user, so its auditors see it.
    const base = { actorId: ctx.actor.userId, operationId: user.operationIds[0] ?? null, resourceType: 'user', resourceId: id } satisfies Omit<AuditEvent, 'action'>;
    if (roleChanges) await writeAudit(tx, { ...base, action: 'user.role_change', details: { from: user.role, to: next.role } });
    if (scopeChanges) await writeAudit(tx, { ...base, action: 'user.scope_change', details: { from: user.scope, to: next.scope } });
    if (teamsChange) await writeAudit(tx, { ...base, action: 'user.teams_change', details: { from: user.teamIds.length, to: teamCount } });
    if (nameChanges) await writeAudit(tx, { ...base, action: 'user.update', details: { fields: 'displayName' } });
    const updated = await findVisibleUser(tx, ctx.actor, id);
    if (!updated) return err(failure('internal_error'));
    return ok(presentUser(updated));
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}
