import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../db/audit';
import { isApiRequest } from './api-route';
import type { Db } from '../db/transaction';
import { currentOrigin } from '../request-origin';

const REFUSALS = new Set([403, 404]);

/**
 * Every refusal of a signed-in user is audited: a 403 (not allowed) or a 404 (outside
 * their scope, or probing ids) names the route pattern and status, never the URL, whose
 * ids and query could say whom they were looking for. Anonymous 401s are not written
 * (a flood of them would flood the trail); failed sign-ins are audited where they happen.
 * Whether it is the API's is decided on the matched route, not the URL as sent.
 */
export async function auditRefusal(db: Db, request: FastifyRequest, status: number): Promise<void> {
  const origin = currentOrigin();
  if (!origin?.actorId || !REFUSALS.has(status) || !isApiRequest(request)) return;
  await db.transaction().execute((tx) =>
    writeAudit(tx, {
      actorId: origin.actorId,
      operationId: null,
      action: 'request.refused',
      resourceType: 'route',
      resourceId: null,
      outcome: 'refused',
      details: { method: request.method, route: request.routeOptions.url ?? 'unmatched', status },
    }),
  );
}
