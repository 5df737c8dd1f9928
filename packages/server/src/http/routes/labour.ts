import {
  LabourByAreaQuerySchema,
  WorkplaceCreateSchema,
  WorkplaceListQuerySchema,
  WorkplacePersonLinkSchema,
  WorkplaceReportCreateSchema,
  WorkplaceUpdateSchema,
} from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { archiveWorkplace } from '../../use-cases/labour/archive-workplace';
import { createWorkplace } from '../../use-cases/labour/create-workplace';
import { getWorkplace } from '../../use-cases/labour/get-workplace';
import { labourByArea } from '../../use-cases/labour/labour-by-area';
import { linkPersonToWorkplace } from '../../use-cases/labour/link-person';
import { listWorkplaces } from '../../use-cases/labour/list-workplaces';
import { recordWorkplaceReport } from '../../use-cases/labour/record-workplace-report';
import { updateWorkplace } from '../../use-cases/labour/update-workplace';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Labour conditions: workplaces, their reports and linked people, and the per-area layer. */
export function labourRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/workplaces', withQuery(WorkplaceListQuerySchema, listWorkplaces));
  app.post('/api/v1/workplaces', withBody(WorkplaceCreateSchema, createWorkplace, 201));
  app.get<WithId>('/api/v1/workplaces/:id', withId((ctx, id) => getWorkplace(ctx, deps.keyRing, id)));
  app.patch<WithId>('/api/v1/workplaces/:id', withIdAndBody(WorkplaceUpdateSchema, updateWorkplace));
  // Archived, answered without a body.
  app.delete<WithId>('/api/v1/workplaces/:id', withId(archiveWorkplace, 204));
  app.post<WithId>(
    '/api/v1/workplaces/:id/reports',
    withIdAndBody(WorkplaceReportCreateSchema, (ctx, id, input) => recordWorkplaceReport(ctx, deps.keyRing, id, input), 201),
  );
  app.post<WithId>('/api/v1/workplaces/:id/people', withIdAndBody(WorkplacePersonLinkSchema, linkPersonToWorkplace, 201));
  app.get('/api/v1/reports/labour-by-area', withQuery(LabourByAreaQuerySchema, (ctx, query) => labourByArea(ctx, query.operationId)));
}
