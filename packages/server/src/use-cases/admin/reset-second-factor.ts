import { can, err, ok, type Result } from '@waymark/core';
import type { SecondFactorReset, User } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { clearSecondFactor } from '../../db/mfa-repository';
import { clearFailures } from '../../db/sign-in-throttle-repository';
import { transact } from '../../db/transaction';
import { deleteAllSessionsOfUser, findVisibleUser, findVisibleUserForUpdate } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';
import { throttleKey } from '../sessions/throttle-keys';
import { refuseManaging } from './grant-failure';

/**
 * A user who lost their phone and their recovery codes: an administrator (or anyone who
 * could have granted what the user holds) forgets the second factor, with a written
 * reason, and every session of the user ends. The user enrols again at next sign-in if
 * their role requires it, and any lock on their email or codes is lifted. Never one's own: that would turn a stolen password into a
 * way around the second factor.
 */
export async function resetSecondFactor(ctx: UseCaseContext, id: string, input: SecondFactorReset): Promise<Result<User, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const user = await findVisibleUserForUpdate(tx, ctx.actor, id);
    if (!user) return err(failure('not_found'));
    if (id === ctx.actor.userId) return err(failure('cannot_change_own_access', 'another administrator must reset your second factor'));
    const refused = await refuseManaging(tx, ctx.actor, user);
    if (refused) return err(refused);
    await clearSecondFactor(tx, id);
    // Whatever lock someone provoked with the user's email or a stolen password ends too:
    // the reset is how the owner gets back in.
    await clearFailures(tx, throttleKey('mfa', id));
    await clearFailures(tx, throttleKey('email', user.email.trim().toLowerCase()));
    const sessions = await deleteAllSessionsOfUser(tx, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: user.operationIds[0] ?? null,
      action: 'user.mfa_reset',
      resourceType: 'user',
      resourceId: id,
      reason: input.reason,
      details: { sessionsEnded: sessions },
    });
    const updated = await findVisibleUser(tx, ctx.actor, id);
    if (!updated) return err(failure('internal_error'));
    return ok(presentUser(updated));
  });
}
