import { err, ok, type Result } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import { lockedForSeconds, recordFailure } from '../../db/sign-in-throttle-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { LOCK_MINUTES, MAX_FAILURES, throttleKey } from './throttle-keys';

export interface SecondFactorRefusal extends Failure {
  retryAfterSeconds?: number;
}

/**
 * Six digits are a million guesses: five wrong codes in a row lock the user's second
 * factor the way five wrong passwords lock an email.
 */
export async function guardSecondFactor(db: Db, userId: string): Promise<Result<null, SecondFactorRefusal>> {
  const lockedFor = await lockedForSeconds(db, throttleKey('mfa', userId));
  if (lockedFor > 0) return err({ ...failure('rate_limited', 'too many wrong codes; try again later'), retryAfterSeconds: lockedFor });
  return ok(null);
}

/** Counts and audits a wrong (or replayed) code, then refuses. */
export async function refuseSecondFactor<T>(db: Db, userId: string, action: string, ip: string): Promise<Result<T, Failure>> {
  await transact(db, async (tx) => {
    await recordFailure(tx, throttleKey('mfa', userId), MAX_FAILURES, LOCK_MINUTES);
    await writeAudit(tx, { actorId: userId, operationId: null, action, resourceType: 'user', resourceId: userId, ip, outcome: 'refused' });
    return ok(null);
  });
  return err(failure('invalid_mfa_code'));
}
