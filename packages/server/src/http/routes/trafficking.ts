import { TraffickingAssessmentCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { assessTraffickingOnCase } from '../../use-cases/trafficking/assess-trafficking';
import { listTraffickingAssessmentsOfCase } from '../../use-cases/trafficking/list-trafficking-assessments';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Trafficking assessments on a protection case. */
export function traffickingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.post<WithId>('/api/v1/cases/:id/trafficking-assessments', withIdAndBody(TraffickingAssessmentCreateSchema, assessTraffickingOnCase, 201));
  app.get<WithId>('/api/v1/cases/:id/trafficking-assessments', withId(listTraffickingAssessmentsOfCase));
}
