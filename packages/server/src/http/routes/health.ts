import type { Health } from '@waymark/contracts';
import { ping } from '../../db/server-info';
import { failure } from '../../failure';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { sendProblem } from '../problem';
import { sharedForAMoment } from '../shared-answer';

/** How long one ping's answer stands for every health check (about a second, as monitors poll). */
const PING_FRESH_MS = 1_000;

/**
 * Public, so it says only that the server and its database answer, and which kind of
 * database it uses: no PostgreSQL or Waymark version, which would tell anyone which
 * published vulnerabilities to try. Its checks share one database ping, in flight or under a
 * second old, and are limited per address (http/rate-limits): under load, monitoring must
 * not take connections from the work it watches.
 */
export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const databaseAnswers = sharedForAMoment(
    () => ping(deps.database.db).then(() => true, () => false),
    PING_FRESH_MS,
  );
  app.get('/api/v1/health', async (_request, reply) => {
    if (!(await databaseAnswers())) {
      return sendProblem(reply, failure('service_unavailable', 'the database does not answer'));
    }
    const health: Health = { status: 'ok', database: deps.database.mode };
    return reply.send(health);
  });
}
