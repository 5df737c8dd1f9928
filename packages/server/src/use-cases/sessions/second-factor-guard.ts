import { err, ok, type Result } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import { claimAccountAttempt, recordSuccess } from '../../db/sign-in-throttle-repository';
import { transact, type Db, type Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { accountKeys, THROTTLE } from './throttle-keys';

export interface SecondFactorRefusal extends Failure {
  retryAfterSeconds?: number;
}

/**
 * Six digits are a million guesses: five authenticator codes in a row from one address that
 * do not end in success lock the user's codes for that address, the way five wrong
 * passwords lock an email there, and the user's backstop limits guesses spread over many
 * addresses. Keyed by address, so whoever holds a stolen password locks only their own
 * address, never the owner's. The attempt is counted before the code is checked, so codes
 * sent in parallel cannot all be checked before the lock (a success clears the count).
 * Recovery codes do not pass here: 80 random bits need no lock, and they must open the
 * account while it is locked.
 */
export async function claimCodeAttempt(db: Db, userId: string, ip: string): Promise<Result<null, SecondFactorRefusal>> {
  const claim = await claimAccountAttempt(db, accountKeys('mfa', userId, ip), THROTTLE);
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

/** A code (or recovery code) accepted from this address: its count ends, and the backstop spares it. */
export async function recordCodeSuccess(tx: Tx, userId: string, ip: string): Promise<void> {
  await recordSuccess(tx, accountKeys('mfa', userId, ip));
}
