import { OperationCreateSchema, OperationSecuritySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createOperation } from '../../use-cases/admin/create-operation';
import { listMyOperations } from '../../use-cases/admin/list-my-operations';
import { getOperationSecurity, setOperationSecurity } from '../../use-cases/admin/operation-security';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function operationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, withBody, withId, withIdAndBody } = useCaseHandlers(deps);

  app.get('/api/v1/operations', signedIn(listMyOperations));
  app.post('/api/v1/operations', withBody(OperationCreateSchema, createOperation, 201));
  app.get<WithId>('/api/v1/operations/:id/security', withId(getOperationSecurity));
  app.put<WithId>('/api/v1/operations/:id/security', withIdAndBody(OperationSecuritySchema, setOperationSecurity));
}
