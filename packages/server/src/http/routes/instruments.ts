import { InstrumentQuerySchema } from '@waymark/contracts';
import { ok } from '@waymark/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listInstruments } from '../../use-cases/instruments/list-instruments';
import { readInstrument } from '../../use-cases/instruments/read-instrument';
import type { AppDeps } from '../deps';
import { parse, type Parsed } from '../parse';
import { useCaseHandlers } from '../use-case-handlers';

type InstrumentRequest = FastifyRequest<{ Params: { id: string }; Querystring: unknown }>;

/** An instrument is named by its id (not a record's uuid), with an optional version. */
function instrumentAndVersion(request: InstrumentRequest): Parsed<{ id: string; version: number | undefined }> {
  const query = parse(InstrumentQuerySchema, request.query);
  return query.ok ? ok({ id: request.params.id, version: query.value.version }) : query;
}

export function instrumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, accepting } = useCaseHandlers(deps);

  app.get('/api/v1/instruments', signedIn(listInstruments));
  app.get('/api/v1/instruments/:id', accepting(instrumentAndVersion, (ctx, { id, version }) => readInstrument(ctx, id, version)));
}
