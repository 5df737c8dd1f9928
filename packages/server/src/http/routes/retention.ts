import { IdSchema, RetentionPolicyUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { getRetentionPolicy, updateRetentionPolicy } from '../../use-cases/retention/retention-policy';
import { dryRunRetention } from '../../use-cases/retention/retention-report';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function retentionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/operations/:id/retention', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getRetentionPolicy(contextFor(deps, auth), request.params.id));
  });

  app.put<{ Params: { id: string } }>('/api/v1/operations/:id/retention', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(RetentionPolicyUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateRetentionPolicy(contextFor(deps, auth), request.params.id, input.value));
  });

  app.get<{ Params: { id: string } }>('/api/v1/operations/:id/retention/dry-run', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await dryRunRetention(contextFor(deps, auth), request.params.id));
  });
}
