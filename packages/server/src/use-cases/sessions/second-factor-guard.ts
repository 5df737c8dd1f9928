import { err, ok, type Result } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import { claimAttempt } from '../../db/sign-in-throttle-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { THROTTLE, throttleKey } from './throttle-keys';

export interface SecondFactorRefusal extends Failure {
  retryAfterSeconds?: number;
}

/**
 * Six digits are a million guesses: five authenticator codes in a row that do not end in
 * success lock the user's codes the way five wrong passwords lock an email. The attempt is
 * counted before the code is checked, in one statement, so codes sent in parallel cannot
 * all be checked before the lock (a success clears the count). Recovery codes do not pass
 * here: 80 random bits need no lock, and they must open the account while it is locked.
 */
export async function claimCodeAttempt(db: Db, userId: string): Promise<Result<null, SecondFactorRefusal>> {
  const claim = await claimAttempt(db, throttleKey('mfa', userId), THROTTLE);
  if (!claim.allowed) return err({ ...failure('rate_limited', 'too many wrong codes; try again later, or use a recovery code'), retryAfterSeconds: claim.lockedForSeconds });
  return ok(null);
}

/** Audits a wrong (or replayed) code, then refuses; the attempt was counted when claimed. */
export async function refuseSecondFactor<T>(db: Db, userId: string, action: string, ip: string): Promise<Result<T, Failure>> {
  await transact(db, async (tx) => {
    await writeAudit(tx, { actorId: userId, operationId: null, action, resourceType: 'user', resourceId: userId, ip, outcome: 'refused' });
    return ok(null);
  });
  return err(failure('invalid_mfa_code'));
}
