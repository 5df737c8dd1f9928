import { can, err, ok, type Result } from '@waymark/core';
import type { UserCreate, UserCreated } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findAgency } from '../../db/organisations-repository';
import { transact } from '../../db/transaction';
import { emailTaken, findVisibleUser, setTeamsOfUser } from '../../db/users-admin-repository';
import { insertUser } from '../../db/users-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';
import { checkTeams } from './check-teams';
import { refuseGrant } from './grant-failure';
import { newOneTimePassword } from './one-time-password';

/**
 * A new account with a one-time password, shown in this answer only and to be changed at
 * first sign-in. What it may do goes through the rule book's grant check: nobody grants
 * a role, clearance, scope, agency or operation they do not hold.
 */
export async function createUser(ctx: UseCaseContext, input: UserCreate): Promise<Result<UserCreated, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  const operationIds = [...new Set(input.operationIds)];
  const refused = refuseGrant(ctx.actor, { role: input.role, scope: input.scope, agencyId: input.agencyId, operationIds });
  if (refused) return err(refused);
  const { oneTimePassword, passwordHash } = await newOneTimePassword();
  return transact(ctx.db, async (tx) => {
    const agency = await findAgency(tx, operationIds, input.agencyId);
    if (!agency) {
      return err(failure('validation_failed', undefined, [{ path: '/agencyId', code: 'unknown_agency', message: 'not an agency of the given operations' }]));
    }
    const teams = await checkTeams(tx, agency.id, operationIds, input.teamIds);
    if (!teams.ok) return err(failure('validation_failed', undefined, teams.errors));
    // Emails are unique across the installation, so a taken one must be refused; the answer
    // is the same whoever holds it and says only that this address cannot be used, never
    // that an account exists (it may be in an operation the caller cannot see).
    if (await emailTaken(tx, input.email)) {
      return err(failure('conflict', 'this email cannot be used', [{ path: '/email', code: 'taken', message: 'this email cannot be used' }]));
    }
    const id = uuidv7();
    await insertUser(
      tx,
      {
        id,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        scope: input.scope,
        agency_id: agency.id,
        must_change_password: true,
      },
      operationIds,
    );
    await setTeamsOfUser(tx, id, teams.teams);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: agency.operation_id,
      action: 'user.create',
      resourceType: 'user',
      resourceId: id,
      details: { role: input.role, scope: input.scope, agencyId: agency.id, operations: operationIds.length, teams: teams.teams.length },
    });
    const user = await findVisibleUser(tx, ctx.actor, id);
    if (!user) return err(failure('internal_error'));
    return ok({ user: presentUser(user), oneTimePassword });
  });
}
