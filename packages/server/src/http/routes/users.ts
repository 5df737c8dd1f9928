import { SecondFactorResetSchema, UserCreateSchema, UserListQuerySchema, UserUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../../use-cases/admin/create-user';
import { disableUser } from '../../use-cases/admin/disable-user';
import { enableUser } from '../../use-cases/admin/enable-user';
import { listUsers } from '../../use-cases/admin/list-users';
import { resetSecondFactor } from '../../use-cases/admin/reset-second-factor';
import { updateUser } from '../../use-cases/admin/update-user';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function userRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/users', withQuery(UserListQuerySchema, listUsers));
  app.post('/api/v1/users', withBody(UserCreateSchema, createUser, 201));
  app.patch<WithId>('/api/v1/users/:id', withIdAndBody(UserUpdateSchema, updateUser));
  app.post<WithId>('/api/v1/users/:id/mfa-reset', withIdAndBody(SecondFactorResetSchema, resetSecondFactor));
  app.post<WithId>('/api/v1/users/:id/disable', withId(disableUser));
  app.post<WithId>('/api/v1/users/:id/enable', withId(enableUser));
}
