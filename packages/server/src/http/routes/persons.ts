import { IdSchema, PersonCreateSchema, PersonListQuerySchema, PersonUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { getPerson } from '../../use-cases/persons/get-person';
import { listPersons } from '../../use-cases/persons/list-persons';
import { registerPerson } from '../../use-cases/persons/register-person';
import { updatePerson } from '../../use-cases/persons/update-person';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';
import { failure } from '../../failure';

export function personRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/persons', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(PersonListQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await listPersons(contextFor(deps, auth), query.value));
  });

  app.post('/api/v1/persons', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(PersonCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await registerPerson(contextFor(deps, auth), input.value), 201);
  });

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getPerson(contextFor(deps, auth), request.params.id));
  });

  app.patch<{ Params: { id: string } }>('/api/v1/persons/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(PersonUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updatePerson(contextFor(deps, auth), request.params.id, input.value));
  });
}
