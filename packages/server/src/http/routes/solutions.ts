import {
  DurableSolutionsUpdateSchema,
  IdSchema,
  ResettlementConfirmSchema,
  ResettlementQueueQuerySchema,
  SolutionStepCreateSchema,
  SolutionStepUpdateSchema,
} from '@waymark/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { failure } from '../../failure';
import { addSolutionStep } from '../../use-cases/solutions/add-solution-step';
import { confirmResettlement } from '../../use-cases/solutions/confirm-resettlement';
import { getDurableSolutions } from '../../use-cases/solutions/get-durable-solutions';
import { getResettlement } from '../../use-cases/solutions/get-resettlement';
import { listSolutionSteps } from '../../use-cases/solutions/list-solution-steps';
import { resettlementQueueUseCase } from '../../use-cases/solutions/resettlement-queue';
import { resettlementSuggestions } from '../../use-cases/solutions/resettlement-suggestions';
import { updateDurableSolutions } from '../../use-cases/solutions/update-durable-solutions';
import { updateSolutionStep } from '../../use-cases/solutions/update-solution-step';
import type { UseCaseContext } from '../../use-cases/context';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Durable solutions, resettlement and solution steps (core/solutions, core/children). Thin on purpose. */
export function solutionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

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

  const read =
    <T>(run: (ctx: UseCaseContext, id: string) => Promise<Parameters<typeof respond<T>>[1]>) =>
    async (request: IdRequest, reply: FastifyReply) => {
      const auth = await requireAuth(db, request, reply);
      if (!auth) return reply;
      if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
      return respond(reply, await run(contextFor(deps, auth), request.params.id));
    };

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/durable-solutions', read(getDurableSolutions));
  app.put<{ Params: { id: string } }>('/api/v1/cases/:id/durable-solutions', withBody(DurableSolutionsUpdateSchema, updateDurableSolutions));
  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/resettlement/suggestions', read(resettlementSuggestions));
  app.put<{ Params: { id: string } }>('/api/v1/cases/:id/resettlement', withBody(ResettlementConfirmSchema, confirmResettlement));
  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/resettlement', read(getResettlement));
  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/solution-steps', read(listSolutionSteps));
  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/solution-steps', withBody(SolutionStepCreateSchema, addSolutionStep, 201));
  app.patch<{ Params: { id: string } }>('/api/v1/solution-steps/:id', withBody(SolutionStepUpdateSchema, updateSolutionStep));

  app.get('/api/v1/resettlement-queue', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(ResettlementQueueQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await resettlementQueueUseCase(contextFor(deps, auth), query.value));
  });
}
