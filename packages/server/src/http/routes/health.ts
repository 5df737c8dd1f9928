import type { Health } from '@waymark/contracts';
import { ping, postgresVersion as readPostgresVersion } from '../../db/server-info';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  let postgresVersion: string | undefined;
  app.get('/api/v1/health', async (_request, reply) => {
    if (postgresVersion === undefined) {
      postgresVersion = await readPostgresVersion(deps.database.db);
    } else {
      // Still prove the database answers, cheaply.
      await ping(deps.database.db);
    }
    const health: Health = { status: 'ok', database: deps.database.mode, postgresVersion, version: deps.version };
    return reply.send(health);
  });
}
