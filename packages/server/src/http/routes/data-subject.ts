import { ErasureRequestSchema, PersonExportQuerySchema } from '@waymark/contracts';
import { ok } from '@waymark/core';
import type { FastifyInstance } from 'fastify';
import { erasePerson } from '../../use-cases/data-subject/erase-person';
import { exportPerson } from '../../use-cases/data-subject/export-person';
import type { AppDeps } from '../deps';
import { sendDownload } from '../send-download';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Data-subject rights: access (export) and erasure (anonymisation). */
export function dataSubjectRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withIdAndBody, withIdAndQuery } = useCaseHandlers(deps);

  app.get<WithId>(
    '/api/v1/persons/:id/export',
    withIdAndQuery(
      PersonExportQuerySchema,
      async (ctx, id, query) => {
        const exported = await exportPerson(ctx, deps.keyRing, id, query.format, { lang: query.lang, timeZone: query.tz });
        if (!exported.ok) return exported;
        // A download either way: the web offers both as links.
        const filename = `waymark-person-${id}.${query.format}`;
        const { pdf, document } = exported.value;
        return ok(pdf ? { body: pdf, filename, contentType: 'application/pdf' } : { body: document, filename });
      },
      sendDownload,
    ),
  );
  app.post<WithId>('/api/v1/persons/:id/erasure', withIdAndBody(ErasureRequestSchema, erasePerson));
}
