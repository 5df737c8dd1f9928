import { AdminAreasQuerySchema, AggregateQuerySchema, BoundaryUploadSchema, DisclosureSettingSchema, IdSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { aggregateView } from '../../use-cases/population/aggregate-views';
import { setDisclosureThreshold } from '../../use-cases/population/disclosure-threshold';
import { listAdminAreas } from '../../use-cases/population/list-admin-areas';
import { uploadBoundaries } from '../../use-cases/population/upload-boundaries';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

/** A boundary file of a few thousand areas, simplified, fits; a raw national survey file does not. */
const BOUNDARY_BODY_LIMIT = 16 * 1_048_576;

export function populationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/population/areas', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(AdminAreasQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await listAdminAreas(contextFor(deps, auth), query.value.operationId));
  });

  app.get('/api/v1/population/aggregates', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(AggregateQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await aggregateView(contextFor(deps, auth), query.value));
  });

  app.post<{ Params: { id: string } }>('/api/v1/operations/:id/boundaries', { bodyLimit: BOUNDARY_BODY_LIMIT }, async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(BoundaryUploadSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await uploadBoundaries(contextFor(deps, auth), request.params.id, input.value));
  });

  app.put<{ Params: { id: string } }>('/api/v1/operations/:id/disclosure', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(DisclosureSettingSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await setDisclosureThreshold(contextFor(deps, auth), request.params.id, input.value));
  });
}
