import { AdminAreasQuerySchema, AggregateQuerySchema, BoundaryUploadSchema, DisclosureSettingSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { aggregateView } from '../../use-cases/population/aggregate-views';
import { setDisclosureThreshold } from '../../use-cases/population/disclosure-threshold';
import { listAdminAreas } from '../../use-cases/population/list-admin-areas';
import { uploadBoundaries } from '../../use-cases/population/upload-boundaries';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** A boundary file of a few thousand areas, simplified, fits; a raw national survey file does not. */
const BOUNDARY_BODY_LIMIT = 16 * 1_048_576;

export function populationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/population/areas', withQuery(AdminAreasQuerySchema, (ctx, query) => listAdminAreas(ctx, query.operationId)));
  app.get('/api/v1/population/aggregates', withQuery(AggregateQuerySchema, aggregateView));
  app.post<WithId>('/api/v1/operations/:id/boundaries', { bodyLimit: BOUNDARY_BODY_LIMIT }, withIdAndBody(BoundaryUploadSchema, uploadBoundaries));
  app.put<WithId>('/api/v1/operations/:id/disclosure', withIdAndBody(DisclosureSettingSchema, setDisclosureThreshold));
}
