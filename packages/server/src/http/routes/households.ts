import { HouseholdCreateSchema, HouseholdMemberAddSchema, HouseholdMemberRemoveSchema, HouseholdSplitSchema, HouseholdUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addHouseholdMember } from '../../use-cases/households/add-household-member';
import { getHousehold } from '../../use-cases/households/get-household';
import { listHouseholdHistory } from '../../use-cases/households/list-household-changes';
import { removeHouseholdMember } from '../../use-cases/households/remove-household-member';
import { splitHousehold } from '../../use-cases/households/split-household';
import { registerHousehold } from '../../use-cases/households/register-household';
import { updateHousehold } from '../../use-cases/households/update-household';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function householdRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody } = useCaseHandlers(deps);

  app.post('/api/v1/households', withBody(HouseholdCreateSchema, registerHousehold, 201));
  app.get<WithId>('/api/v1/households/:id', withId(getHousehold));
  app.patch<WithId>('/api/v1/households/:id', withIdAndBody(HouseholdUpdateSchema, updateHousehold));
  app.get<WithId>('/api/v1/households/:id/changes', withId(listHouseholdHistory));
  app.post<WithId>('/api/v1/households/:id/members', withIdAndBody(HouseholdMemberAddSchema, addHouseholdMember));
  app.post<WithId>('/api/v1/households/:id/removals', withIdAndBody(HouseholdMemberRemoveSchema, removeHouseholdMember));
  app.post<WithId>('/api/v1/households/:id/splits', withIdAndBody(HouseholdSplitSchema, splitHousehold, 201));
}
