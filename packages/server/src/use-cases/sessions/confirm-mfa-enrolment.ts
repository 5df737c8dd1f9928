import { err, ok, type Result } from '@waymark/core';
import type { RecoveryCodes } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { confirmTotp, findMfaState } from '../../db/mfa-repository';
import { deleteOtherSessions } from '../../db/sessions-repository';
import { transact, type Db } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { AuthPolicy } from './auth-policy';
import type { Authenticated } from './authenticate';
import { claimCodeAttempt, recordCodeSuccess, refuseSecondFactor } from './second-factor-guard';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { verifyTotp } from './totp';
import { openTotpSecret } from './totp-secret';

/**
 * A code from the new authenticator puts it in force and yields the recovery codes, shown
 * this once. The user's other sessions end: they were opened with the password alone.
 */
export async function confirmMfaEnrolment(
  db: Db,
  auth: Authenticated,
  code: string,
  context: { policy: AuthPolicy; now: Date; ip: string },
): Promise<Result<RecoveryCodes, Failure>> {
  const state = await findMfaState(db, auth.user.id);
  if (!state || state.totp_confirmed_at !== null) return err(failure('mfa_already_enrolled'));
  if (state.totp_secret_sealed === null) return err(failure('not_found', 'start enrolment first'));
  const claimed = await claimCodeAttempt(db, auth.user.id, context.ip);
  if (!claimed.ok) return claimed;
  const secret = openTotpSecret(context.policy.keyRing, auth.user.id, state.totp_secret_sealed);
  if (!secret.ok) return secret;
  const step = verifyTotp(secret.value, code, context.now, null);
  if (step === null) return refuseSecondFactor(db, auth.user.id, 'user.mfa_confirm_failed', context.ip);
  const codes = newRecoveryCodes();
  return transact(db, async (tx) => {
    await confirmTotp(tx, auth.user.id, step, codes.map(hashRecoveryCode));
    await recordCodeSuccess(tx, auth.user.id, context.ip);
    // Every other session was opened with the password alone; this one has just shown the factor.
    await deleteOtherSessions(tx, auth.user.id, auth.session.tokenHash);
    await writeAudit(tx, { actorId: auth.user.id, operationId: null, action: 'user.mfa_enrolled', resourceType: 'user', resourceId: auth.user.id, ip: context.ip });
    return ok({ recoveryCodes: codes });
  });
}
