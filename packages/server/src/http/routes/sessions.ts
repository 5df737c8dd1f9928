import { MfaConfirmSchema, MfaVerifySchema, PasswordChangeSchema, SignInSchema } from '@waymark/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { addressGroup } from '../../address-group';
import { deleteSession } from '../../db/sessions-repository';
import { failure, type Failure } from '../../failure';
import { currentOrigin } from '../../request-origin';
import { auditThrottledSignIn } from '../../use-cases/sessions/audit-throttled-sign-in';
import type { AuthPolicy } from '../../use-cases/sessions/auth-policy';
import { authenticate, type Authenticated } from '../../use-cases/sessions/authenticate';
import { beginMfaEnrolment } from '../../use-cases/sessions/begin-mfa-enrolment';
import { changePassword } from '../../use-cases/sessions/change-password';
import { confirmMfaEnrolment } from '../../use-cases/sessions/confirm-mfa-enrolment';
import { createIpThrottle, DEFAULT_IP_THROTTLE } from '../../use-cases/sessions/ip-throttle';
import { sessionView } from '../../use-cases/sessions/session-view';
import { regenerateRecoveryCodes } from '../../use-cases/sessions/regenerate-recovery-codes';
import { signIn } from '../../use-cases/sessions/sign-in';
import { csrfMatches, csrfTokenFor, SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } from '../../use-cases/sessions/tokens';
import { verifyMfa } from '../../use-cases/sessions/verify-mfa';
import { CSRF_COOKIE, headerOf, requireAuth, SESSION_COOKIE } from '../auth';
import type { AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';

export function sessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;
  const policy: AuthPolicy = {
    mfaRequired: deps.mfaRequired ?? true,
    keyRing: deps.keyRing,
    session: deps.sessionLimits ?? { idleMinutes: SESSION_IDLE_MINUTES, absoluteHours: SESSION_ABSOLUTE_HOURS },
  };
  app.decorate('waymarkAuthPolicy', policy);
  const ipThrottle = createIpThrottle(deps.signInThrottle ?? DEFAULT_IP_THROTTLE);

  const cookieOptions = { sameSite: 'strict', secure: deps.secureCookies, path: '/', maxAge: policy.session.absoluteHours * 3600 } as const;
  const refuse = (reply: FastifyReply, refusal: Failure & { retryAfterSeconds?: number }) => {
    if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
    return sendProblem(reply, refusal);
  };
  const viewOf = (auth: Authenticated, token: string) =>
    sessionView(
      db,
      {
        user: { ...auth.user, scope: auth.actor.scope, agencyId: auth.actor.agencyId },
        role: auth.actor.role,
        scope: auth.actor.scope,
        operationIds: auth.actor.operationIds,
        mfa: auth.mfa,
        mfaPending: auth.session.mfaPending,
      },
      csrfTokenFor(token),
      policy,
    );

  app.post('/api/v1/sessions', async (request, reply) => {
    const input = parse(SignInSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    // An IPv6 client holds a whole /64: its failures are counted together.
    const client = addressGroup(request.ip);
    const wait = ipThrottle.retryAfter(client);
    if (wait > 0) {
      await auditThrottledSignIn(db, request.ip);
      return refuse(reply, { ...failure('rate_limited', 'too many failed sign-ins from this address'), retryAfterSeconds: wait });
    }
    const result = await signIn(db, input.value, { ip: request.ip, policy });
    if (!result.ok) {
      ipThrottle.fail(client);
      return refuse(reply, result.error);
    }
    // A session open to its user's work counts as theirs in the rate limits from its next request.
    const origin = currentOrigin();
    if (origin && !result.value.session.mfa.verificationPending) Object.assign(origin, { actorId: result.value.session.user.id, openedSessionToken: result.value.token });
    // The session cookie is HttpOnly; the CSRF cookie is readable on purpose (double submit).
    reply.setCookie(SESSION_COOKIE, result.value.token, { ...cookieOptions, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, result.value.session.csrfToken, { ...cookieOptions, httpOnly: false });
    return reply.code(201).send(result.value.session);
  });

  const anyStage = { allowPasswordChangePending: true, allowMfaEnrolment: true, allowMfaPending: true };

  app.get('/api/v1/sessions/current', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, anyStage);
    if (!auth) return reply;
    return reply.send(await viewOf(auth, request.cookies[SESSION_COOKIE]!));
  });

  app.post('/api/v1/sessions/current/password', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowPasswordChangePending: true, allowMfaEnrolment: true });
    if (!auth) return reply;
    const input = parse(PasswordChangeSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await changePassword(db, auth.user, auth.session.tokenHash, input.value);
    if (!result.ok) return sendProblem(reply, result.error);
    return reply.code(204).send();
  });

  app.post('/api/v1/sessions/current/mfa', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowMfaEnrolment: true });
    if (!auth) return reply;
    const result = await beginMfaEnrolment(db, auth, policy, request.ip);
    if (!result.ok) return sendProblem(reply, result.error);
    return reply.code(201).send(result.value);
  });

  app.post('/api/v1/sessions/current/mfa/confirm', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowMfaEnrolment: true });
    if (!auth) return reply;
    const input = parse(MfaConfirmSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await confirmMfaEnrolment(db, auth, input.value.code, { policy, now: deps.now(), ip: request.ip });
    if (!result.ok) return refuse(reply, result.error);
    return reply.send(result.value);
  });

  app.post('/api/v1/sessions/current/mfa/recovery-codes', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(MfaConfirmSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await regenerateRecoveryCodes(db, auth, input.value.code, { policy, now: deps.now(), ip: request.ip });
    if (!result.ok) return refuse(reply, result.error);
    return reply.code(201).send(result.value);
  });

  app.post('/api/v1/sessions/current/mfa/verify', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowMfaPending: true, allowPasswordChangePending: true });
    if (!auth) return reply;
    const input = parse(MfaVerifySchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await verifyMfa(db, auth, input.value, { policy, now: deps.now(), ip: request.ip });
    if (!result.ok) return refuse(reply, result.error);
    // Only now is the session its user's in the rate limits: until then whoever holds a
    // stolen password could spend the owner's allowance.
    const origin = currentOrigin();
    if (origin) origin.actorId = auth.user.id;
    return reply.send(await viewOf({ ...auth, session: { ...auth.session, mfaPending: false } }, request.cookies[SESSION_COOKIE]!));
  });

  app.delete('/api/v1/sessions/current', async (request, reply) => {
    const auth = await authenticate(db, request.cookies[SESSION_COOKIE], policy.session.idleMinutes);
    // Signing out is a change too: a live session needs its CSRF token, so another site cannot sign a user out.
    if (auth && !csrfMatches(headerOf(request), auth.session.csrfHash)) return sendProblem(reply, failure('csrf_failed'));
    if (auth) await deleteSession(db, auth.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}

