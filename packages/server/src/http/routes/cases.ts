import {
  CaseAssignmentSchema,
  CaseCreateSchema,
  CasePlanUpdateSchema,
  CaseTaskCreateSchema,
  CaseTaskUpdateSchema,
  CaseTransitionSchema,
  IdSchema,
} from '@waymark/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { failure } from '../../failure';
import { addCaseTask } from '../../use-cases/cases/add-case-task';
import { assignCase } from '../../use-cases/cases/assign-case';
import { getCase } from '../../use-cases/cases/get-case';
import { myWork } from '../../use-cases/cases/my-work';
import { openCase } from '../../use-cases/cases/open-case';
import { transitionCaseUseCase } from '../../use-cases/cases/transition-case';
import { updateCasePlan } from '../../use-cases/cases/update-case-plan';
import { updateCaseTask } from '../../use-cases/cases/update-case-task';
import { workload } from '../../use-cases/cases/workload';
import { closureRequests } from '../../use-cases/cases/closure-requests';
import type { UseCaseContext } from '../../use-cases/context';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function caseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  /** Signed in, a well-formed id, a valid body: then the use case. Thin on purpose. */
  const withBody =
    <S extends z.ZodType, T>(schema: S, run: (ctx: UseCaseContext, id: string, input: z.infer<S>) => Promise<Parameters<typeof respond<T>>[1]>, status = 200) =>
    async (request: IdRequest, reply: FastifyReply) => {
      const auth = await requireAuth(db, request, reply);
      if (!auth) return reply;
      if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
      const input = parse(schema, request.body);
      if (!input.ok) return sendProblem(reply, input.error);
      return respond(reply, await run(contextFor(deps, auth), request.params.id, input.value), status);
    };

  app.post('/api/v1/cases', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(CaseCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await openCase(contextFor(deps, auth), deps.keyRing, input.value), 201);
  });

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getCase(contextFor(deps, auth), request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/transitions', withBody(CaseTransitionSchema, transitionCaseUseCase));
  app.put<{ Params: { id: string } }>('/api/v1/cases/:id/assignment', withBody(CaseAssignmentSchema, assignCase));
  app.put<{ Params: { id: string } }>('/api/v1/cases/:id/plan', withBody(CasePlanUpdateSchema, updateCasePlan));
  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/tasks', withBody(CaseTaskCreateSchema, addCaseTask, 201));
  app.patch<{ Params: { id: string } }>('/api/v1/case-tasks/:id', withBody(CaseTaskUpdateSchema, updateCaseTask));

  app.get('/api/v1/my-work', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    return respond(reply, await myWork(contextFor(deps, auth)));
  });

  app.get('/api/v1/cases/closure-requests', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    return respond(reply, await closureRequests(contextFor(deps, auth)));
  });

  app.get('/api/v1/workload', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    return respond(reply, await workload(contextFor(deps, auth)));
  });
}
