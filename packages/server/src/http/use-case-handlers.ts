import { IdSchema } from '@waymark/contracts';
import { ok, type Result } from '@waymark/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { failure, type Failure } from '../failure';
import type { UseCaseContext } from '../use-cases/context';
import { requireAuth } from './auth';
import { contextFor, type AppDeps } from './deps';
import { parse, type Parsed } from './parse';
import { sendProblem } from './problem';
import { respond } from './respond';

/** The route generic of a path with an `:id`. */
export type WithId = { Params: { id: string } };

type Answer<T> = Promise<Result<T, Failure>>;
type Handler<R extends FastifyRequest> = (request: R, reply: FastifyReply) => Promise<FastifyReply>;

/** How a route sends a use case's value when it is not JSON (a download). */
export type Send<T> = (reply: FastifyReply, value: T) => FastifyReply;

/**
 * The one shape of a route: signed in, then a well-formed `:id` (a malformed one does not
 * exist: 404), then the input parsed with its contract, then the use case, then the answer:
 * JSON with a status, or a `Send` of the route's own (a download). Nothing else happens in a route.
 *
 * The context is built only after the id and the input pass, because building it names
 * the actor for the refusal audit (audit-refusal.ts): a use case's 403 or 404 is audited,
 * a malformed id is not.
 */
export function useCaseHandlers(deps: AppDeps) {
  const db = deps.database.db;

  const handle =
    <R extends FastifyRequest, I, T>(accept: (request: R) => Parsed<I>, run: (ctx: UseCaseContext, accepted: I) => Answer<T>, answer: number | Send<T>): Handler<R> =>
    async (request, reply) => {
      const auth = await requireAuth(db, request, reply);
      if (!auth) return reply;
      const accepted = accept(request);
      if (!accepted.ok) return sendProblem(reply, accepted.error);
      const result = await run(contextFor(deps, auth), accepted.value);
      if (typeof answer === 'number') return respond(reply, result, answer);
      return result.ok ? answer(reply, result.value) : sendProblem(reply, result.error);
    };

  const nothing = (): Parsed<undefined> => ok(undefined);
  const idOf = (request: FastifyRequest<WithId>): Parsed<string> => (IdSchema.safeParse(request.params.id).success ? ok(request.params.id) : { ok: false, error: failure('not_found') });
  const idAnd = <S extends z.ZodType>(request: FastifyRequest<WithId>, schema: S, input: unknown): Parsed<{ id: string; input: z.output<S> }> => {
    const id = idOf(request);
    if (!id.ok) return id;
    const parsed = parse(schema, input);
    return parsed.ok ? ok({ id: id.value, input: parsed.value }) : parsed;
  };

  return {
    /** No id, no input: lists of one's own work, the actor's operations. */
    signedIn: <T>(run: (ctx: UseCaseContext) => Answer<T>, answer: number | Send<T> = 200) => handle(nothing, (ctx) => run(ctx), answer),

    withBody: <S extends z.ZodType, T>(schema: S, run: (ctx: UseCaseContext, input: z.output<S>) => Answer<T>, answer: number | Send<T> = 200) =>
      handle((request: FastifyRequest) => parse(schema, request.body), run, answer),

    withQuery: <S extends z.ZodType, T>(schema: S, run: (ctx: UseCaseContext, query: z.output<S>) => Answer<T>, answer: number | Send<T> = 200) =>
      handle((request: FastifyRequest) => parse(schema, request.query), run, answer),

    withId: <T>(run: (ctx: UseCaseContext, id: string) => Answer<T>, answer: number | Send<T> = 200) => handle(idOf, run, answer),

    withIdAndBody: <S extends z.ZodType, T>(schema: S, run: (ctx: UseCaseContext, id: string, input: z.output<S>) => Answer<T>, answer: number | Send<T> = 200) =>
      handle((request: FastifyRequest<WithId>) => idAnd(request, schema, request.body), (ctx, { id, input }) => run(ctx, id, input), answer),

    /** A path whose parameter is not a record id (a shipped instrument's name): the route reads and checks it. */
    accepting: <R extends FastifyRequest, I, T>(accept: (request: R) => Parsed<I>, run: (ctx: UseCaseContext, accepted: I) => Answer<T>, answer: number | Send<T> = 200) =>
      handle(accept, run, answer),

    withIdAndQuery: <S extends z.ZodType, T>(schema: S, run: (ctx: UseCaseContext, id: string, query: z.output<S>) => Answer<T>, answer: number | Send<T> = 200) =>
      handle((request: FastifyRequest<WithId>) => idAnd(request, schema, request.query), (ctx, { id, input }) => run(ctx, id, input), answer),
  };
}
