import { OperationCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createOperation } from '../../use-cases/admin/create-operation';
import { listMyOperations } from '../../use-cases/admin/list-my-operations';
import type { AppDeps } from '../deps';
import { useCaseHandlers } from '../use-case-handlers';

export function operationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, withBody } = useCaseHandlers(deps);

  app.get('/api/v1/operations', signedIn(listMyOperations));
  app.post('/api/v1/operations', withBody(OperationCreateSchema, createOperation, 201));
}
