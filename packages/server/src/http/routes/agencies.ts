import { AgencyCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createAgency } from '../../use-cases/admin/create-agency';
import { listAgencies } from '../../use-cases/admin/list-agencies';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function agencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/operations/:id/agencies', withId(listAgencies));
  app.post<WithId>('/api/v1/operations/:id/agencies', withIdAndBody(AgencyCreateSchema, createAgency, 201));
}
