import { SiteCreateSchema, SiteUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { listMySites } from '../../use-cases/admin/list-my-sites';
import { createSite } from '../../use-cases/sites/create-site';
import { updateSite } from '../../use-cases/sites/update-site';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function siteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, withIdAndBody } = useCaseHandlers(deps);

  app.get('/api/v1/sites', signedIn(listMySites));
  app.post<WithId>('/api/v1/operations/:id/sites', withIdAndBody(SiteCreateSchema, createSite, 201));
  app.patch<WithId>('/api/v1/sites/:id', withIdAndBody(SiteUpdateSchema, updateSite));
}
