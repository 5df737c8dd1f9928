import { PersonCreateSchema, PersonListQuerySchema, PersonUpdateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { getPerson } from '../../use-cases/persons/get-person';
import { listPersons } from '../../use-cases/persons/list-persons';
import { registerPerson } from '../../use-cases/persons/register-person';
import { updatePerson } from '../../use-cases/persons/update-person';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function personRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/persons', withQuery(PersonListQuerySchema, listPersons));
  app.post('/api/v1/persons', withBody(PersonCreateSchema, registerPerson, 201));
  app.get<WithId>('/api/v1/persons/:id', withId(getPerson));
  app.patch<WithId>('/api/v1/persons/:id', withIdAndBody(PersonUpdateSchema, updatePerson));
}
