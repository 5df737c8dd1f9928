import { IdSchema, ScreeningRequestSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { listScreenings } from '../../use-cases/screenings/list-screenings';
import { screenPerson } from '../../use-cases/screenings/screen-person';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function screeningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/screenings', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ScreeningRequestSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await screenPerson(contextFor(deps, auth), deps.keyRing, request.params.id, input.value), 201);
  });

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/screenings', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listScreenings(contextFor(deps, auth), deps.keyRing, request.params.id));
  });
}
