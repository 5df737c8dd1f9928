import { RiskByAreaQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { riskByArea } from '../../use-cases/reports/risk-by-area';
import type { AppDeps } from '../deps';
import { useCaseHandlers } from '../use-case-handlers';

export function reportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/reports/risk-by-area', withQuery(RiskByAreaQuerySchema, (ctx, query) => riskByArea(ctx, query.operationId)));
}
