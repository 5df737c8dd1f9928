import { AgencyCreateSchema, IdSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { createAgency } from '../../use-cases/admin/create-agency';
import { listAgencies } from '../../use-cases/admin/list-agencies';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function agencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/operations/:id/agencies', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listAgencies(contextFor(deps, auth), request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/operations/:id/agencies', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(AgencyCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createAgency(contextFor(deps, auth), request.params.id, input.value), 201);
  });
}
