import { IdSchema, PersonAssignmentSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { assignPerson } from '../../use-cases/persons/assign-person';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function assignmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.put<{ Params: { id: string } }>('/api/v1/persons/:id/assignment', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(PersonAssignmentSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await assignPerson(contextFor(deps, auth), request.params.id, input.value));
  });
}
