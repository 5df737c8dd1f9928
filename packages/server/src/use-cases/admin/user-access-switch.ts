import { can, err, ok, type Result } from '@waymark/core';
import type { User } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { deleteAllSessionsOfUser, findVisibleUser, findVisibleUserForUpdate, setUserDisabled } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';
import { refuseManaging } from './grant-failure';

/**
 * Disabling and enabling share their checks: the user must be visible, not the actor, and
 * hold nothing the actor could not have granted. Disabling ends every session at once.
 */
export async function switchUserAccess(ctx: UseCaseContext, id: string, disable: boolean): Promise<Result<User, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const user = await findVisibleUserForUpdate(tx, ctx.actor, id);
    if (!user) return err(failure('not_found'));
    if (id === ctx.actor.userId) return err(failure('cannot_change_own_access', 'you cannot disable or enable yourself'));
    const refused = await refuseManaging(tx, ctx.actor, user);
    if (refused) return err(refused);
    const isDisabled = user.disabled_at !== null;
    if (isDisabled !== disable) {
      await setUserDisabled(tx, id, disable);
      const sessions = disable ? await deleteAllSessionsOfUser(tx, id) : 0;
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId: user.operationIds[0] ?? null,
        action: disable ? 'user.disable' : 'user.enable',
        resourceType: 'user',
        resourceId: id,
        ...(disable ? { details: { sessionsEnded: sessions } } : {}),
      });
    }
    const updated = await findVisibleUser(tx, ctx.actor, id);
    if (!updated) return err(failure('internal_error'));
    return ok(presentUser(updated));
  });
}
