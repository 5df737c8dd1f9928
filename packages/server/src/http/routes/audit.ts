import { AuditEventQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { searchAuditTrail } from '../../use-cases/audit/search-audit-events';
import type { AppDeps } from '../deps';
import { useCaseHandlers } from '../use-case-handlers';

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/audit-events', withQuery(AuditEventQuerySchema, searchAuditTrail));
}
