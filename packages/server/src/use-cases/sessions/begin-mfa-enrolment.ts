import { err, ok, type Result } from '@waymark/core';
import type { MfaEnrolment } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { setPendingTotpSecret } from '../../db/mfa-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { AuthPolicy } from './auth-policy';
import type { Authenticated } from './authenticate';
import { newTotpSecret, otpauthUri } from './totp';
import { sealTotpSecret } from './totp-secret';

/**
 * A new TOTP secret for the signed-in user, sealed at rest, not yet in force: it counts
 * only once a code from it is confirmed. Asking again before that replaces it; once
 * confirmed, only an administrator's reset could (not built yet).
 */
export async function beginMfaEnrolment(db: Db, auth: Authenticated, policy: AuthPolicy, ip: string): Promise<Result<MfaEnrolment, Failure>> {
  if (auth.mfa.enrolled) return err(failure('mfa_already_enrolled'));
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(policy.keyRing, auth.user.id, secret);
  if (!sealed.ok) return sealed;
  return transact(db, async (tx) => {
    if (!(await setPendingTotpSecret(tx, auth.user.id, sealed.value))) return err(failure('mfa_already_enrolled'));
    await writeAudit(tx, { actorId: auth.user.id, operationId: null, action: 'user.mfa_enrolment_started', resourceType: 'user', resourceId: auth.user.id, ip });
    return ok({ secret, otpauthUri: otpauthUri(secret, auth.user.email) });
  });
}
