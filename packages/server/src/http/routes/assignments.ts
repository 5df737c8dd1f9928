import { PersonAssignmentSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { assignPerson } from '../../use-cases/persons/assign-person';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function assignmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withIdAndBody } = useCaseHandlers(deps);

  app.put<WithId>('/api/v1/persons/:id/assignment', withIdAndBody(PersonAssignmentSchema, assignPerson));
}
