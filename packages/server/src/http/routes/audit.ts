import { AuditEventQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { searchAuditTrail } from '../../use-cases/audit/search-audit-events';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/audit-events', async (request, reply) => {
    const auth = await requireAuth(deps.database.db, request, reply);
    if (!auth) return reply;
    const query = parse(AuditEventQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await searchAuditTrail(contextFor(deps, auth), query.value));
  });
}
