import { ErasureRequestSchema, IdSchema, PersonExportQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { erasePerson } from '../../use-cases/data-subject/erase-person';
import { exportPerson } from '../../use-cases/data-subject/export-person';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

/** Data-subject rights: access (export) and erasure (anonymisation). */
export function dataSubjectRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/export', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const query = parse(PersonExportQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    const result = await exportPerson(contextFor(deps, auth), deps.keyRing, request.params.id, query.value.format);
    if (!result.ok) return sendProblem(reply, result.error);
    // A download either way: the web offers both as links.
    const name = `waymark-person-${request.params.id}.${query.value.format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (result.value.pdf) return reply.type('application/pdf').send(result.value.pdf);
    return reply.send(result.value.document);
  });

  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/erasure', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ErasureRequestSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await erasePerson(contextFor(deps, auth), request.params.id, input.value));
  });
}
