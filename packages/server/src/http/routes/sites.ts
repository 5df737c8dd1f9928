import { type Site } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { listSites } from '../../db/operations-repository';
import { requireAuth } from '../auth';
import type { AppDeps } from '../deps';

export function siteRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/sites', async (request, reply) => {
    const auth = await requireAuth(deps.database.db, request, reply);
    if (!auth) return reply;
    const rows = await listSites(deps.database.db, auth.actor.operationIds);
    const items: Site[] = rows.map((row) => ({
      id: row.id,
      operationId: row.operation_id,
      code: row.code,
      name: row.name,
      setting: row.setting,
      adminAreaCode: row.admin_area_code,
    }));
    return reply.send({ items, total: items.length });
  });
}
