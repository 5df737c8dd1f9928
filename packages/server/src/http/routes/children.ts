import { BiaCompleteSchema, BiaCreateSchema, BidCreateSchema, CareArrangementCreateSchema, IdSchema } from '@waymark/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { failure } from '../../failure';
import { addCareArrangement } from '../../use-cases/children/add-care-arrangement';
import { bestInterests, listCareArrangements } from '../../use-cases/children/best-interests';
import { completeBia } from '../../use-cases/children/complete-bia';
import { openBia } from '../../use-cases/children/open-bia';
import { childrenOverdue } from '../../use-cases/children/overdue';
import { recordBid } from '../../use-cases/children/record-bid';
import type { UseCaseContext } from '../../use-cases/context';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Children's best interests: BIA, BID, care arrangements, the record, the overdue list. Thin on purpose. */
export function childRoutes(app: FastifyInstance, deps: AppDeps): void {
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

  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/bia', withBody(BiaCreateSchema, openBia, 201));
  app.patch<{ Params: { id: string } }>('/api/v1/bias/:id', withBody(BiaCompleteSchema, completeBia));
  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/bid', withBody(BidCreateSchema, recordBid, 201));
  app.post<{ Params: { id: string } }>('/api/v1/persons/:id/care-arrangements', withBody(CareArrangementCreateSchema, addCareArrangement, 201));
  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/care-arrangements', read(listCareArrangements));
  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/best-interests', read(bestInterests));

  app.get('/api/v1/children/overdue', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    return respond(reply, await childrenOverdue(contextFor(deps, auth)));
  });
}
