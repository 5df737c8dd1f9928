import { AdminAreasQuerySchema, AggregateQuerySchema, DisclosureSettingSchema, IdSchema } from '@waymark/contracts';
import { ok } from '@waymark/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { failure } from '../../failure';
import { aggregateView } from '../../use-cases/population/aggregate-views';
import { setDisclosureThreshold } from '../../use-cases/population/disclosure-threshold';
import { listAdminAreas } from '../../use-cases/population/list-admin-areas';
import { uploadBoundaries } from '../../use-cases/population/upload-boundaries';
import type { AppDeps } from '../deps';
import type { Parsed } from '../parse';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** A boundary file of a few thousand areas, simplified, fits; a raw national survey file does not. */
const BOUNDARY_BODY_LIMIT = 16 * 1_048_576;

export function populationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withIdAndBody, withQuery, accepting } = useCaseHandlers(deps);

  app.get('/api/v1/population/areas', withQuery(AdminAreasQuerySchema, (ctx, query) => listAdminAreas(ctx, query.operationId)));
  app.get('/api/v1/population/aggregates', withQuery(AggregateQuerySchema, aggregateView));
  // The body stays bytes here: a worker thread parses and checks it against
  // BoundaryUploadSchema (boundary-work), so 16 MB of JSON never blocks the event loop.
  void app.register(async (scoped) => {
    scoped.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BOUNDARY_BODY_LIMIT }, (_request, body, done) => done(null, body));
    const bytesFor = (request: FastifyRequest<WithId>): Parsed<{ id: string; body: Uint8Array }> => {
      if (!IdSchema.safeParse(request.params.id).success) return { ok: false, error: failure('not_found') };
      return request.body instanceof Uint8Array ? ok({ id: request.params.id, body: request.body }) : { ok: false, error: failure('invalid_json') };
    };
    scoped.post<WithId>('/api/v1/operations/:id/boundaries', { bodyLimit: BOUNDARY_BODY_LIMIT }, accepting(bytesFor, (ctx, { id, body }) => uploadBoundaries(ctx, id, body)));
  });
  app.put<WithId>('/api/v1/operations/:id/disclosure', withIdAndBody(DisclosureSettingSchema, setDisclosureThreshold));
}
