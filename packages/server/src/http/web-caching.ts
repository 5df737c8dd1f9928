import type { FastifyReply, FastifyRequest } from 'fastify';

/** Files the web build names by their content's hash: a new content is a new name. */
const HASHED_ASSET = /^\/assets\/[^/?]+-[A-Za-z0-9_-]{8}\.(js|css|woff2?|svg|png|json)(\?|$)/;

/**
 * Cache headers for the web app's static files (never for the API, which is `no-store`).
 * A hashed asset never changes under its name, so the browser keeps it a year without
 * asking again: on a field office's link each revalidation costs a round trip per file.
 * Everything else, index.html first, is `no-cache`: kept, but checked (ETag) on each load,
 * so a new release is picked up at once. `Vary` because the same path is sent as brotli,
 * gzip or plain depending on what the browser accepts.
 */
export function webCaching(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.statusCode >= 400) return;
  const immutable = HASHED_ASSET.test(request.url);
  reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  reply.header('vary', 'accept-encoding');
}
