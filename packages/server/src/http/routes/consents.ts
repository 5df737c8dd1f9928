import { ConsentCreateSchema, IdSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { getConsents } from '../../use-cases/consent/get-consents';
import { recordConsent } from '../../use-cases/consent/record-consent';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function consentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/consents', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getConsents(contextFor(deps, auth), request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/consents', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ConsentCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await recordConsent(contextFor(deps, auth), request.params.id, input.value), 201);
  });
}
