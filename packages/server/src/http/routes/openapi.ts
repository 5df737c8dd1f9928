import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi-document';

export function openApiRoutes(app: FastifyInstance, version: string): void {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get('/api/v1/openapi.json', async (_request, reply) => {
    document ??= buildOpenApiDocument(version);
    return reply.send(document);
  });
}
