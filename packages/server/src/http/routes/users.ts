import { IdSchema, SecondFactorResetSchema, UserCreateSchema, UserListQuerySchema, UserUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { createUser } from '../../use-cases/admin/create-user';
import { disableUser } from '../../use-cases/admin/disable-user';
import { enableUser } from '../../use-cases/admin/enable-user';
import { listUsers } from '../../use-cases/admin/list-users';
import { resetSecondFactor } from '../../use-cases/admin/reset-second-factor';
import { updateUser } from '../../use-cases/admin/update-user';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function userRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/users', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(UserListQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await listUsers(contextFor(deps, auth), query.value));
  });

  app.post('/api/v1/users', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(UserCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createUser(contextFor(deps, auth), input.value), 201);
  });

  app.patch<{ Params: { id: string } }>('/api/v1/users/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(UserUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateUser(contextFor(deps, auth), request.params.id, input.value));
  });

  app.post<{ Params: { id: string } }>('/api/v1/users/:id/mfa-reset', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(SecondFactorResetSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await resetSecondFactor(contextFor(deps, auth), request.params.id, input.value));
  });

  for (const [action, run] of [
    ['disable', disableUser],
    ['enable', enableUser],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/api/v1/users/:id/${action}`, async (request, reply) => {
      const auth = await requireAuth(db, request, reply);
      if (!auth) return reply;
      if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
      return respond(reply, await run(contextFor(deps, auth), request.params.id));
    });
  }
}
