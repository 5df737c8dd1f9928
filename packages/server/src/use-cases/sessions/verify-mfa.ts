import { err, ok, type Result } from '@waymark/core';
import type { MfaVerify } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { acceptTotpStep, findMfaState, useRecoveryCode } from '../../db/mfa-repository';
import { completeMfa } from '../../db/sessions-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { AuthPolicy } from './auth-policy';
import type { Authenticated } from './authenticate';
import { hashRecoveryCode } from './recovery-codes';
import { claimCodeAttempt, recordCodeSuccess, refuseSecondFactor } from './second-factor-guard';
import { verifyTotp } from './totp';
import { openTotpSecret } from './totp-secret';

/**
 * The second step of signing in: a TOTP code (never one already used: the accepted time
 * step only moves forward) or an unused recovery code. Success opens the same session
 * to everything the role allows. Only authenticator codes are throttled: a recovery code
 * (80 random bits) is checked even while codes are locked, so whoever provokes the lock
 * with a stolen password cannot keep the owner out.
 */
export async function verifyMfa(
  db: Db,
  auth: Authenticated,
  input: MfaVerify,
  context: { policy: AuthPolicy; now: Date; ip: string },
): Promise<Result<{ method: 'totp' | 'recovery_code' }, Failure>> {
  if (!auth.session.mfaPending) return err(failure('forbidden', 'this session has already completed its second factor'));
  const state = await findMfaState(db, auth.user.id);
  if (!state || state.totp_secret_sealed === null || state.totp_confirmed_at === null) return err(failure('invalid_mfa_code'));
  let step: number | null = null;
  if ('code' in input) {
    const claimed = await claimCodeAttempt(db, auth.user.id, context.ip);
    if (!claimed.ok) return claimed;
    const secret = openTotpSecret(context.policy.keyRing, auth.user.id, state.totp_secret_sealed);
    if (!secret.ok) return secret;
    step = verifyTotp(secret.value, input.code, context.now, state.totp_last_step);
    if (step === null) return refuseSecondFactor(db, auth.user.id, 'session.mfa_failed', context.ip);
  }
  const method = 'code' in input ? 'totp' : 'recovery_code';
  const accepted = await transact(db, async (tx) => {
    const fresh =
      step !== null ? await acceptTotpStep(tx, auth.user.id, step) : 'recoveryCode' in input && (await useRecoveryCode(tx, auth.user.id, hashRecoveryCode(input.recoveryCode)));
    if (!fresh) return ok(false);
    await recordCodeSuccess(tx, auth.user.id, context.ip);
    await completeMfa(tx, auth.session.tokenHash);
    await writeAudit(tx, { actorId: auth.user.id, operationId: null, action: 'session.mfa_verified', resourceType: 'user', resourceId: auth.user.id, details: { method }, ip: context.ip });
    return ok(true);
  });
  if (!accepted.ok) return accepted;
  // A race lost to the same code, or a used or unknown recovery code.
  if (!accepted.value) return refuseSecondFactor(db, auth.user.id, 'session.mfa_failed', context.ip);
  return ok({ method });
}
