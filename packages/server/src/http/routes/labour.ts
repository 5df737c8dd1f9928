import {
  LabourByAreaQuerySchema,
  IdSchema,
  WorkplaceCreateSchema,
  WorkplaceListQuerySchema,
  WorkplacePersonLinkSchema,
  WorkplaceReportCreateSchema,
  WorkplaceUpdateSchema,
} from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { archiveWorkplace } from '../../use-cases/labour/archive-workplace';
import { createWorkplace } from '../../use-cases/labour/create-workplace';
import { getWorkplace } from '../../use-cases/labour/get-workplace';
import { labourByArea } from '../../use-cases/labour/labour-by-area';
import { linkPersonToWorkplace } from '../../use-cases/labour/link-person';
import { listWorkplaces } from '../../use-cases/labour/list-workplaces';
import { recordWorkplaceReport } from '../../use-cases/labour/record-workplace-report';
import { updateWorkplace } from '../../use-cases/labour/update-workplace';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

type WithId = { Params: { id: string } };

/** Labour conditions: workplaces, their reports and linked people, and the per-area layer. */
export function labourRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/workplaces', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(WorkplaceListQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await listWorkplaces(contextFor(deps, auth), query.value));
  });

  app.post('/api/v1/workplaces', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(WorkplaceCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createWorkplace(contextFor(deps, auth), input.value), 201);
  });

  app.get<WithId>('/api/v1/workplaces/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getWorkplace(contextFor(deps, auth), deps.keyRing, request.params.id));
  });

  app.patch<WithId>('/api/v1/workplaces/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(WorkplaceUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateWorkplace(contextFor(deps, auth), request.params.id, input.value));
  });

  app.delete<WithId>('/api/v1/workplaces/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const result = await archiveWorkplace(contextFor(deps, auth), request.params.id);
    if (!result.ok) return sendProblem(reply, result.error);
    return reply.code(204).send();
  });

  app.post<WithId>('/api/v1/workplaces/:id/reports', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(WorkplaceReportCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await recordWorkplaceReport(contextFor(deps, auth), deps.keyRing, request.params.id, input.value), 201);
  });

  app.post<WithId>('/api/v1/workplaces/:id/people', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(WorkplacePersonLinkSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await linkPersonToWorkplace(contextFor(deps, auth), request.params.id, input.value), 201);
  });

  app.get('/api/v1/reports/labour-by-area', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(LabourByAreaQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await labourByArea(contextFor(deps, auth), query.value.operationId));
  });
}
