import {
  DurableSolutionsUpdateSchema,
  ResettlementConfirmSchema,
  ResettlementQueueQuerySchema,
  SolutionStepCreateSchema,
  SolutionStepUpdateSchema,
} from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addSolutionStep } from '../../use-cases/solutions/add-solution-step';
import { confirmResettlement } from '../../use-cases/solutions/confirm-resettlement';
import { getDurableSolutions } from '../../use-cases/solutions/get-durable-solutions';
import { getResettlement } from '../../use-cases/solutions/get-resettlement';
import { listSolutionSteps } from '../../use-cases/solutions/list-solution-steps';
import { resettlementQueueUseCase } from '../../use-cases/solutions/resettlement-queue';
import { resettlementSuggestions } from '../../use-cases/solutions/resettlement-suggestions';
import { updateDurableSolutions } from '../../use-cases/solutions/update-durable-solutions';
import { updateSolutionStep } from '../../use-cases/solutions/update-solution-step';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Durable solutions, resettlement and solution steps (core/solutions, core/children). */
export function solutionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/cases/:id/durable-solutions', withId(getDurableSolutions));
  app.put<WithId>('/api/v1/cases/:id/durable-solutions', withIdAndBody(DurableSolutionsUpdateSchema, updateDurableSolutions));
  app.get<WithId>('/api/v1/cases/:id/resettlement/suggestions', withId(resettlementSuggestions));
  app.put<WithId>('/api/v1/cases/:id/resettlement', withIdAndBody(ResettlementConfirmSchema, confirmResettlement));
  app.get<WithId>('/api/v1/cases/:id/resettlement', withId(getResettlement));
  app.get<WithId>('/api/v1/cases/:id/solution-steps', withId(listSolutionSteps));
  app.post<WithId>('/api/v1/cases/:id/solution-steps', withIdAndBody(SolutionStepCreateSchema, addSolutionStep, 201));
  app.patch<WithId>('/api/v1/solution-steps/:id', withIdAndBody(SolutionStepUpdateSchema, updateSolutionStep));
  app.get('/api/v1/resettlement-queue', withQuery(ResettlementQueueQuerySchema, resettlementQueueUseCase));
}
