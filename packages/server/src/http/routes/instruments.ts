import { ok } from '@waymark/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { failure } from '../../failure';
import { listInstruments } from '../../use-cases/instruments/list-instruments';
import { readInstrument } from '../../use-cases/instruments/read-instrument';
import type { AppDeps } from '../deps';
import type { Parsed } from '../parse';
import { useCaseHandlers } from '../use-case-handlers';

type InstrumentRequest = FastifyRequest<{ Params: { id: string }; Querystring: { version?: string } }>;

function instrumentAndVersion(request: InstrumentRequest): Parsed<{ id: string; version: number | undefined }> {
  const version = request.query.version === undefined ? undefined : Number(request.query.version);
  if (version !== undefined && !Number.isInteger(version)) {
    return { ok: false, error: failure('validation_failed', undefined, [{ path: '/version', code: 'wrong_type', message: 'version is an integer' }]) };
  }
  return ok({ id: request.params.id, version });
}

export function instrumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, accepting } = useCaseHandlers(deps);

  app.get('/api/v1/instruments', signedIn(listInstruments));
  app.get('/api/v1/instruments/:id', accepting(instrumentAndVersion, (ctx, { id, version }) => readInstrument(ctx, id, version)));
}
