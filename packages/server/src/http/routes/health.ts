import type { Health } from '@waymark/contracts';
import { ping } from '../../db/server-info';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

/**
 * Public, so it says only that the server and its database answer, and which kind of
 * database it uses: no PostgreSQL or Waymark version, which would tell anyone which
 * published vulnerabilities to try.
 */
export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/health', async (_request, reply) => {
    await ping(deps.database.db);
    const health: Health = { status: 'ok', database: deps.database.mode };
    return reply.send(health);
  });
}
