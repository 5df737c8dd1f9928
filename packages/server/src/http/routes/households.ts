import { HouseholdCreateSchema, HouseholdUpdateSchema, IdSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { getHousehold } from '../../use-cases/households/get-household';
import { registerHousehold } from '../../use-cases/households/register-household';
import { updateHousehold } from '../../use-cases/households/update-household';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function householdRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.post('/api/v1/households', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(HouseholdCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await registerHousehold(contextFor(deps, auth), input.value), 201);
  });

  app.get<{ Params: { id: string } }>('/api/v1/households/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getHousehold(contextFor(deps, auth), request.params.id));
  });

  app.patch<{ Params: { id: string } }>('/api/v1/households/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(HouseholdUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateHousehold(contextFor(deps, auth), request.params.id, input.value));
  });
}
