import type { FastifyInstance } from 'fastify';
import { listMySites } from '../../use-cases/admin/list-my-sites';
import type { AppDeps } from '../deps';
import { useCaseHandlers } from '../use-case-handlers';

export function siteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn } = useCaseHandlers(deps);

  app.get('/api/v1/sites', signedIn(listMySites));
}
