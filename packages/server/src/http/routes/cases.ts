import { CaseAssignmentSchema, CaseCreateSchema, CaseLookupQuerySchema, CasePlanUpdateSchema, CaseTaskCreateSchema, CaseTaskUpdateSchema, CaseTransitionSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addCaseTask } from '../../use-cases/cases/add-case-task';
import { assignCase } from '../../use-cases/cases/assign-case';
import { closureRequests } from '../../use-cases/cases/closure-requests';
import { getCase } from '../../use-cases/cases/get-case';
import { lookupCase } from '../../use-cases/cases/lookup-case';
import { myWork } from '../../use-cases/cases/my-work';
import { openCase } from '../../use-cases/cases/open-case';
import { transitionCaseUseCase } from '../../use-cases/cases/transition-case';
import { updateCasePlan } from '../../use-cases/cases/update-case-plan';
import { updateCaseTask } from '../../use-cases/cases/update-case-task';
import { workload } from '../../use-cases/cases/workload';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Protection cases: opening, the lifecycle, assignment, the plan and its tasks, and the work lists. */
export function caseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, withBody, withId, withIdAndBody, withQuery } = useCaseHandlers(deps);

  app.post('/api/v1/cases', withBody(CaseCreateSchema, (ctx, input) => openCase(ctx, deps.keyRing, input), 201));
  app.get('/api/v1/cases/lookup', withQuery(CaseLookupQuerySchema, lookupCase));
  app.get<WithId>('/api/v1/cases/:id', withId(getCase));
  app.post<WithId>('/api/v1/cases/:id/transitions', withIdAndBody(CaseTransitionSchema, transitionCaseUseCase));
  app.put<WithId>('/api/v1/cases/:id/assignment', withIdAndBody(CaseAssignmentSchema, assignCase));
  app.put<WithId>('/api/v1/cases/:id/plan', withIdAndBody(CasePlanUpdateSchema, updateCasePlan));
  app.post<WithId>('/api/v1/cases/:id/tasks', withIdAndBody(CaseTaskCreateSchema, addCaseTask, 201));
  app.patch<WithId>('/api/v1/case-tasks/:id', withIdAndBody(CaseTaskUpdateSchema, updateCaseTask));
  app.get('/api/v1/my-work', signedIn(myWork));
  app.get('/api/v1/cases/closure-requests', signedIn(closureRequests));
  app.get('/api/v1/workload', signedIn(workload));
}
