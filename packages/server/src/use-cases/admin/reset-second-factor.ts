import { can, err, ok, type Result } from '@waymark/core';
import type { SecondFactorReset, SecondFactorResetDone } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { clearSecondFactor } from '../../db/mfa-repository';
import { liftLocks } from '../../db/sign-in-throttle-repository';
import { transact } from '../../db/transaction';
import { deleteAllSessionsOfUser, findVisibleUser, findVisibleUserForUpdate } from '../../db/users-admin-repository';
import { setOneTimePassword } from '../../db/users-repository';
import { failure, type Failure } from '../../failure';
import { presentUser } from '../../presenters/user';
import type { UseCaseContext } from '../context';
import { throttleKey } from '../sessions/throttle-keys';
import { refuseManaging } from './grant-failure';
import { newOneTimePassword } from './one-time-password';

/**
 * A user who lost their phone and their recovery codes, or whose codes someone keeps
 * locked: an administrator (or anyone who could have granted what the user holds) forgets
 * the second factor, with a written reason. Whoever provoked the lock may hold the
 * password, so the password is replaced by a one-time one (shown in this answer only, to
 * be handed over in person) that must be changed at the next sign-in; every session of the
 * user ends, and every lock on their email or codes, from any address, is lifted. The user
 * enrols again at next sign-in if their role requires it. Never one's own: that would turn
 * a stolen password into a way around the second factor.
 */
export async function resetSecondFactor(ctx: UseCaseContext, id: string, input: SecondFactorReset): Promise<Result<SecondFactorResetDone, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  const { oneTimePassword, passwordHash } = await newOneTimePassword();
  return transact(ctx.db, async (tx) => {
    const user = await findVisibleUserForUpdate(tx, ctx.actor, id);
    if (!user) return err(failure('not_found'));
    if (id === ctx.actor.userId) return err(failure('cannot_change_own_access', 'another administrator must reset your second factor'));
    const refused = await refuseManaging(tx, ctx.actor, user);
    if (refused) return err(refused);
    await clearSecondFactor(tx, id);
    await setOneTimePassword(tx, id, passwordHash);
    // Whatever lock someone provoked with the user's email or a stolen password ends too:
    // the reset is how the owner gets back in.
    await liftLocks(tx, [throttleKey('mfa', id), throttleKey('email', user.email.trim().toLowerCase())]);
    const sessions = await deleteAllSessionsOfUser(tx, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: user.operationIds[0] ?? null,
      action: 'user.mfa_reset',
      resourceType: 'user',
      resourceId: id,
      reason: input.reason,
      details: { sessionsEnded: sessions, passwordReplaced: true },
    });
    const updated = await findVisibleUser(tx, ctx.actor, id);
    if (!updated) return err(failure('internal_error'));
    return ok({ user: presentUser(updated), oneTimePassword });
  });
}
