import { PassThrough } from 'node:stream';
import { EXPORT_ROWS_HEADER } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { prepareExport } from '../../exports/prepare-export';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { sendProblem } from '../problem';

/** GET /api/v1/exports/{view}?format=csv|xlsx|hxl&…: an aggregate view as a streamed file. */
export function exportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { view: string } }>('/api/v1/exports/:view', async (request, reply) => {
    const auth = await requireAuth(deps.database.db, request, reply);
    if (!auth) return reply;
    const prepared = await prepareExport(contextFor(deps, auth), request.params.view, request.query);
    if (!prepared.ok) return sendProblem(reply, prepared.error);
    const { value } = prepared;
    // The body streams as it is written: a large table never sits whole in memory as a file.
    const body = new PassThrough();
    value.write(body).catch((error: unknown) => {
      request.log.error({ err: error, view: value.viewId }, 'export failed while streaming');
      body.destroy(error instanceof Error ? error : new Error('export failed'));
    });
    return reply
      .header('content-disposition', `attachment; filename="${value.filename}"`)
      .header(EXPORT_ROWS_HEADER, String(value.rowCount))
      // CSV and HXL have no About sheet: the method and its parameters travel in a header.
      .header('waymark-disclosure', value.disclosure)
      .header('cache-control', 'no-store')
      .type(value.contentType)
      .send(body);
  });
}
