import { RiskByAreaQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { riskByArea } from '../../use-cases/reports/risk-by-area';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function reportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/reports/risk-by-area', async (request, reply) => {
    const auth = await requireAuth(deps.database.db, request, reply);
    if (!auth) return reply;
    const query = parse(RiskByAreaQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await riskByArea(contextFor(deps, auth), query.value.operationId));
  });
}
