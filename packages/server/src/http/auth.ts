import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type Authenticated } from '../use-cases/sessions/authenticate';
import { failure } from '../failure';
import type { Db } from '../db/transaction';
import { sendProblem } from './problem';

export const SESSION_COOKIE = 'waymark_session';

/** The signed-in actor, or a 401 already sent. */
export async function requireAuth(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<Authenticated | null> {
  const auth = await authenticate(db, request.cookies[SESSION_COOKIE]);
  if (!auth) {
    sendProblem(reply, failure('unauthenticated'));
    return null;
  }
  return auth;
}
