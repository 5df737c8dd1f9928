import { can, shippedInstruments, findInstrument } from '@waymark/core';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { requireAuth } from '../auth';
import type { AppDeps } from '../deps';
import { sendProblem } from '../problem';

export function instrumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/instruments', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!can(auth.actor, 'instrument.read')) return sendProblem(reply, failure('forbidden'));
    const items = shippedInstruments.map((instrument) => ({
      id: instrument.id,
      version: instrument.version,
      ruleVersion: instrument.ruleVersion,
      title: instrument.title,
      locales: instrument.locales,
      domains: instrument.domains.length,
      items: instrument.items.length,
    }));
    return reply.send({ items, total: items.length });
  });

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>('/api/v1/instruments/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!can(auth.actor, 'instrument.read')) return sendProblem(reply, failure('forbidden'));
    const version = request.query.version === undefined ? undefined : Number(request.query.version);
    if (version !== undefined && !Number.isInteger(version)) {
      return sendProblem(reply, failure('validation_failed', undefined, [{ path: '/version', code: 'wrong_type', message: 'version is an integer' }]));
    }
    const instrument = findInstrument(request.params.id, version);
    if (!instrument) return sendProblem(reply, failure('not_found'));
    return reply.send(instrument);
  });
}
