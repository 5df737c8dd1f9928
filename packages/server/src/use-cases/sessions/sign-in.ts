import { err, isRole, isScope, MFA_REQUIRED_ROLES, ok, type Result } from '@waymark/core';
import type { Session, SignIn } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { anyOperationRequiresMfa } from '../../db/mfa-repository';
import { insertSession } from '../../db/sessions-repository';
import { claimAccountAttempt, recordSuccess } from '../../db/sign-in-throttle-repository';
import { transact, type Db } from '../../db/transaction';
import { findUserByEmail, operationIdsOfUser } from '../../db/users-repository';
import { failure, type Failure } from '../../failure';
import type { AuthPolicy } from './auth-policy';
import { verifyPassword } from './passwords';
import { sessionView } from './session-view';
import { accountKeys, THROTTLE } from './throttle-keys';
import { csrfTokenFor, hashToken, newSessionToken } from './tokens';

export interface SignedIn {
  token: string;
  session: Session;
}

/** A refusal; `retryAfterSeconds` when the email is locked (429 with Retry-After). */
export interface SignInRefusal extends Failure {
  retryAfterSeconds?: number;
}

type Outcome = { signedIn: SignedIn } | { lockedFor: number };

/**
 * The first (often only) step of signing in. Unknown email, wrong password, disabled
 * account and locked email all look the same from outside: the same 401, or the same
 * 429 once five failures from this address lock that email for it (or the email's backstop
 * refuses an address it has not succeeded from), known or not. A locked email is refused
 * even with the right password, but only at the addresses the lock holds for. Users with a
 * confirmed TOTP get a session that can only complete the second step.
 */
export async function signIn(db: Db, input: SignIn, context: { ip: string; policy: AuthPolicy }): Promise<Result<SignedIn, SignInRefusal>> {
  const keys = accountKeys('email', input.email, context.ip);
  // Counted before the password is checked, one statement per count: parallel guesses
  // queue on the count instead of all finding the email unlocked. A success clears it.
  const claim = await claimAccountAttempt(db, keys, THROTTLE);
  const lockedFor = claim.allowed ? 0 : claim.lockedForSeconds;
  const user = await findUserByEmail(db, input.email);
  // Always verified, even when locked or unknown, so timing tells nothing either.
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const result = await transact(db, async (tx): Promise<Result<Outcome, Failure>> => {
    const reason =
      lockedFor > 0 ? 'locked' : !user || !passwordOk ? 'wrong_credentials' : user.disabled_at !== null ? 'disabled' : !isRole(user.role) ? 'unknown_role' : null;
    if (reason !== null || !user || !isRole(user.role)) {
      await writeAudit(tx, {
        actorId: user?.id ?? null,
        operationId: null,
        action: 'session.sign_in_failed',
        resourceType: 'user',
        resourceId: user?.id ?? null,
        details: { reason: reason ?? 'wrong_credentials' },
        ip: context.ip,
        outcome: 'refused',
      });
      return ok({ lockedFor });
    }
    await recordSuccess(tx, keys);
    const { token, hash } = newSessionToken();
    const csrfToken = csrfTokenFor(token);
    const mfaPending = user.totp_confirmed_at !== null;
    await insertSession(tx, {
      token_hash: hash,
      user_id: user.id,
      absoluteHours: context.policy.session.absoluteHours,
      csrf_hash: hashToken(csrfToken),
      mfa_pending: mfaPending,
    });
    await writeAudit(tx, {
      actorId: user.id,
      operationId: null,
      action: 'session.sign_in',
      resourceType: 'user',
      resourceId: user.id,
      details: { mfaPending },
      ip: context.ip,
    });
    const operationIds = await operationIdsOfUser(tx, user.id);
    const demandedByOperation = await anyOperationRequiresMfa(tx, operationIds);
    const session = await sessionView(
      tx,
      {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          role: user.role,
          locale: user.locale,
          mustChangePassword: user.must_change_password,
          scope: user.scope,
          agencyId: user.agency_id,
        },
        role: user.role,
        // The narrowest scope for a row the database let through unchecked: offer less, never more.
        scope: isScope(user.scope) ? user.scope : 'own',
        operationIds,
        mfa: { enrolled: mfaPending, demanded: demandedByOperation || MFA_REQUIRED_ROLES.has(user.role) },
        mfaPending,
      },
      csrfToken,
      context.policy,
    );
    return ok({ signedIn: { token, session } });
  });
  if (!result.ok) return result;
  if ('signedIn' in result.value) return ok(result.value.signedIn);
  // The failed attempt is audited (committed) and then refused.
  if (result.value.lockedFor > 0) {
    return err({ ...failure('rate_limited', 'too many failed sign-ins; try again later'), retryAfterSeconds: result.value.lockedFor });
  }
  return err(failure('invalid_credentials'));
}
