import { abilitiesOf, type Role } from '@waymark/core';
import { PasswordChangeSchema, SignInSchema, type Session } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { listOperations } from '../../db/operations-repository';
import { deleteSession } from '../../db/sessions-repository';
import { changePassword } from '../../use-cases/sessions/change-password';
import { signIn } from '../../use-cases/sessions/sign-in';
import { hashToken, SESSION_ABSOLUTE_HOURS } from '../../use-cases/sessions/tokens';
import { requireAuth, SESSION_COOKIE } from '../auth';
import type { AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';

export function sessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.post('/api/v1/sessions', async (request, reply) => {
    const input = parse(SignInSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await signIn(db, input.value);
    if (!result.ok) return sendProblem(reply, result.error);
    reply.setCookie(SESSION_COOKIE, result.value.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: SESSION_ABSOLUTE_HOURS * 3600,
    });
    return reply.code(201).send(result.value.session);
  });

  app.get('/api/v1/sessions/current', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowPasswordChangePending: true });
    if (!auth) return reply;
    const session: Session = {
      user: { ...auth.user, scope: auth.actor.scope, agencyId: auth.actor.agencyId },
      operations: await listOperations(db, auth.actor.operationIds),
      abilities: abilitiesOf({ role: auth.user.role as Role }),
    };
    return reply.send(session);
  });

  app.post('/api/v1/sessions/current/password', async (request, reply) => {
    const auth = await requireAuth(db, request, reply, { allowPasswordChangePending: true });
    if (!auth) return reply;
    const input = parse(PasswordChangeSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    const result = await changePassword(db, auth.user.id, hashToken(request.cookies[SESSION_COOKIE] ?? ''), input.value);
    if (!result.ok) return sendProblem(reply, result.error);
    return reply.code(204).send();
  });

  app.delete('/api/v1/sessions/current', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, hashToken(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
