import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is the API's, decided on the route Fastify matched, never on the raw
 * URL: `/%61pi/v1/persons/{id}` reaches the persons handler while its URL does not start
 * with `/api/`, so a raw-URL check let it out without `no-store` and without the refusal
 * audit. An unmatched request is read as a router might read it (percent-decoded, repeated
 * slashes collapsed, any case), so `//API/v1/x` is still answered as the API's 404.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined ? route.startsWith('/api/') : looksLikeApiPath(request.url);
}

/** Only static files of the web build may be cached: every API answer and every unmatched one is `no-store`. */
export const mayBeCached = (request: FastifyRequest): boolean => !isApiRequest(request) && request.routeOptions.url !== undefined;

function looksLikeApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: judge the path as written.
  }
  return decoded.replace(/[\\/]+/g, '/').toLowerCase().startsWith('/api/');
}
