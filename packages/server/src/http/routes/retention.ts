import { RetentionPolicyUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { getRetentionPolicy, updateRetentionPolicy } from '../../use-cases/retention/retention-policy';
import { dryRunRetention } from '../../use-cases/retention/retention-report';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function retentionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/operations/:id/retention', withId(getRetentionPolicy));
  app.put<WithId>('/api/v1/operations/:id/retention', withIdAndBody(RetentionPolicyUpdateSchema, updateRetentionPolicy));
  app.get<WithId>('/api/v1/operations/:id/retention/dry-run', withId(dryRunRetention));
}
