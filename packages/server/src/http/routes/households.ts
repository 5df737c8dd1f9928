import { HouseholdCreateSchema, HouseholdUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { getHousehold } from '../../use-cases/households/get-household';
import { registerHousehold } from '../../use-cases/households/register-household';
import { updateHousehold } from '../../use-cases/households/update-household';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function householdRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody } = useCaseHandlers(deps);

  app.post('/api/v1/households', withBody(HouseholdCreateSchema, registerHousehold, 201));
  app.get<WithId>('/api/v1/households/:id', withId(getHousehold));
  app.patch<WithId>('/api/v1/households/:id', withIdAndBody(HouseholdUpdateSchema, updateHousehold));
}
