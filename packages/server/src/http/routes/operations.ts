import { OperationCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createOperation } from '../../use-cases/admin/create-operation';
import { listMyOperations } from '../../use-cases/admin/list-my-operations';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function operationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/operations', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    return respond(reply, await listMyOperations(contextFor(deps, auth)));
  });

  app.post('/api/v1/operations', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(OperationCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createOperation(contextFor(deps, auth), input.value), 201);
  });
}
