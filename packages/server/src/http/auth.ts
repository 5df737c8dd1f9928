import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type Authenticated } from '../use-cases/sessions/authenticate';
import { failure } from '../failure';
import type { Db } from '../db/transaction';
import { sendProblem } from './problem';

export const SESSION_COOKIE = 'waymark_session';

/**
 * The signed-in actor, or a problem already sent: 401 without a session, 403 while a
 * one-time password has not been changed (only the session routes allow that state).
 */
export async function requireAuth(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { allowPasswordChangePending?: boolean } = {},
): Promise<Authenticated | null> {
  const auth = await authenticate(db, request.cookies[SESSION_COOKIE]);
  if (!auth) {
    sendProblem(reply, failure('unauthenticated'));
    return null;
  }
  if (auth.user.mustChangePassword && !options.allowPasswordChangePending) {
    sendProblem(reply, failure('password_change_required'));
    return null;
  }
  return auth;
}
