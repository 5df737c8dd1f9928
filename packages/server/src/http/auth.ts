import type { FastifyReply, FastifyRequest } from 'fastify';
import { ok } from '@waymark/core';
import { writeAudit } from '../db/audit';
import { transact, type Db } from '../db/transaction';
import { failure, type Failure } from '../failure';
import { mustEnrolMfa, type AuthPolicy } from '../use-cases/sessions/auth-policy';
import { authenticate, type Authenticated } from '../use-cases/sessions/authenticate';
import { csrfMatches } from '../use-cases/sessions/tokens';
import { sendProblem } from './problem';

export const SESSION_COOKIE = 'waymark_session';
export const CSRF_COOKIE = 'waymark_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set once by sessionRoutes; requireAuth reads it so route modules need not pass it. */
    waymarkAuthPolicy: AuthPolicy;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequireAuthOptions {
  /** The session routes a user with a one-time password may still use. */
  allowPasswordChangePending?: boolean;
  /** Routes open to a user who must enrol a second factor first. */
  allowMfaEnrolment?: boolean;
  /** Routes open to a session that has given its password but not yet its code. */
  allowMfaPending?: boolean;
}

/**
 * The signed-in actor, or a problem already sent. The one place every authenticated
 * route passes through, so the checks here hold everywhere:
 * - 401 without a live session;
 * - 403 csrf_failed for a state-changing method without this session's x-csrf-token
 *   (double submit: the token is in a readable cookie and the body of sign-in);
 * - 403 while the second factor is pending, a one-time password is unchanged, or a
 *   second factor the role requires is not enrolled (only the session routes allow those).
 */
export async function requireAuth(db: Db, request: FastifyRequest, reply: FastifyReply, options: RequireAuthOptions = {}): Promise<Authenticated | null> {
  const auth = await authenticate(db, request.cookies[SESSION_COOKIE], request.server.waymarkAuthPolicy.session.idleMinutes);
  if (!auth) {
    sendProblem(reply, failure('unauthenticated'));
    return null;
  }
  const refused = refusal(request, auth, options);
  if (refused) {
    if (refused.code === 'csrf_failed') await auditCsrfRefusal(db, request, auth);
    sendProblem(reply, refused);
    return null;
  }
  return auth;
}

function refusal(request: FastifyRequest, auth: Authenticated, options: RequireAuthOptions): Failure | null {
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(headerOf(request), auth.session.csrfHash)) return failure('csrf_failed');
  if (auth.session.mfaPending) return options.allowMfaPending ? null : failure('mfa_verification_required');
  if (auth.user.mustChangePassword && !options.allowPasswordChangePending) return failure('password_change_required');
  if (mustEnrolMfa(request.server.waymarkAuthPolicy, auth.mfa) && !options.allowMfaEnrolment) return failure('mfa_enrolment_required');
  return null;
}

/** The x-csrf-token header, if sent once. */
export function headerOf(request: FastifyRequest): string | undefined {
  const value = request.headers[CSRF_HEADER];
  return typeof value === 'string' ? value : undefined;
}

// A forged request is someone else's attack on this user: the user's auditor should see it.
async function auditCsrfRefusal(db: Db, request: FastifyRequest, auth: Authenticated): Promise<void> {
  await transact(db, async (tx) => {
    await writeAudit(tx, {
      actorId: auth.user.id,
      operationId: null,
      action: 'session.csrf_refused',
      resourceType: 'user',
      resourceId: auth.user.id,
      details: { method: request.method, route: request.routeOptions.url ?? 'unmatched' },
      ip: request.ip,
      outcome: 'refused',
    });
    return ok(null);
  });
}
