import { IdSchema, TraffickingAssessmentCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { assessTraffickingOnCase } from '../../use-cases/trafficking/assess-trafficking';
import { listTraffickingAssessmentsOfCase } from '../../use-cases/trafficking/list-trafficking-assessments';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

/** Trafficking assessments on a protection case. Thin: sign-in, id, body, then the use case. */
export function traffickingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/trafficking-assessments', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(TraffickingAssessmentCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await assessTraffickingOnCase(contextFor(deps, auth), request.params.id, input.value), 201);
  });

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/trafficking-assessments', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listTraffickingAssessmentsOfCase(contextFor(deps, auth), request.params.id));
  });
}
