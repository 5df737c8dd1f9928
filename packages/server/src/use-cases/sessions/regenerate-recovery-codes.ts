import { err, ok, type Result } from '@waymark/core';
import type { RecoveryCodes } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { acceptTotpStep, findMfaState, replaceRecoveryCodes } from '../../db/mfa-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { AuthPolicy } from './auth-policy';
import type { Authenticated } from './authenticate';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { claimCodeAttempt, recordCodeSuccess, refuseSecondFactor } from './second-factor-guard';
import { verifyTotp } from './totp';
import { openTotpSecret } from './totp-secret';

/**
 * Ten new recovery codes for a user who used up or lost theirs, shown once. It needs a
 * fresh code from the authenticator (a session alone is not enough: a borrowed laptop
 * must not yield codes that outlive the session), and the old codes stop working.
 */
export async function regenerateRecoveryCodes(
  db: Db,
  auth: Authenticated,
  code: string,
  context: { policy: AuthPolicy; now: Date; ip: string },
): Promise<Result<RecoveryCodes, Failure>> {
  const state = await findMfaState(db, auth.user.id);
  if (!state || state.totp_secret_sealed === null || state.totp_confirmed_at === null) return err(failure('not_found', 'no second factor is enrolled'));
  const claimed = await claimCodeAttempt(db, auth.user.id, context.ip);
  if (!claimed.ok) return claimed;
  const secret = openTotpSecret(context.policy.keyRing, auth.user.id, state.totp_secret_sealed);
  if (!secret.ok) return secret;
  const step = verifyTotp(secret.value, code, context.now, state.totp_last_step);
  if (step === null) return refuseSecondFactor(db, auth.user.id, 'session.mfa_failed', context.ip);
  const codes = newRecoveryCodes();
  const saved = await transact(db, async (tx) => {
    if (!(await acceptTotpStep(tx, auth.user.id, step))) return ok(false);
    await replaceRecoveryCodes(tx, auth.user.id, codes.map(hashRecoveryCode));
    await recordCodeSuccess(tx, auth.user.id, context.ip);
    await writeAudit(tx, { actorId: auth.user.id, operationId: null, action: 'session.recovery_codes_regenerated', resourceType: 'user', resourceId: auth.user.id, ip: context.ip });
    return ok(true);
  });
  if (!saved.ok) return saved;
  // The same code raced in another request: it counts once.
  if (!saved.value) return refuseSecondFactor(db, auth.user.id, 'session.mfa_failed', context.ip);
  return ok({ recoveryCodes: codes });
}
