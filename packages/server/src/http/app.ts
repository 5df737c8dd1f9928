import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { failure } from '../failure';
import type { AppDeps } from './deps';
import { auditRefusal } from './audit-refusal';
import { isApiRequest, mayBeCached } from './api-route';
import { webCaching } from './web-caching';
import { runWithOrigin } from '../request-origin';
import { DEFAULT_RATE_LIMITS, registerRateLimits } from './rate-limits/rate-limits';
import { agencyRoutes } from './routes/agencies';
import { assignmentRoutes } from './routes/assignments';
import { caseRoutes } from './routes/cases';
import { caseDocumentRoutes } from './routes/case-documents';
import { traffickingRoutes } from './routes/trafficking';
import { solutionRoutes } from './routes/solutions';
import { childRoutes } from './routes/children';
import { labourRoutes } from './routes/labour';
import { programmeRoutes } from './routes/programmes';
import { exportRoutes } from './routes/exports';
import { auditRoutes } from './routes/audit';
import { dataSubjectRoutes } from './routes/data-subject';
import { consentRoutes } from './routes/consents';
import { openApiRoutes } from './routes/openapi';
import { healthRoutes } from './routes/health';
import { householdRoutes } from './routes/households';
import { instrumentRoutes } from './routes/instruments';
import { operationRoutes } from './routes/operations';
import { personRoutes } from './routes/persons';
import { protectionNoteRoutes } from './routes/protection-notes';
import { reportRoutes } from './routes/reports';
import { populationRoutes } from './routes/population';
import { retentionRoutes } from './routes/retention';
import { screeningRoutes } from './routes/screenings';
import { sessionRoutes } from './routes/sessions';
import { siteRoutes } from './routes/sites';
import { teamRoutes } from './routes/teams';
import { userRoutes } from './routes/users';
import { sendProblem } from './problem';
import { fastifyTrustProxy } from '../trusted-proxies';

export async function buildApp(deps: AppDeps, logger: Logger | false): Promise<FastifyInstance> {
  // Fastify's own request logging would print URLs, and query strings can hold names:
  // we log one line per request ourselves, naming the route pattern only.
  // request.ip is the socket's address unless the operator named the proxies in front
  // (WAYMARK_TRUST_PROXY): the per-address locks and limits count whatever it says.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1_048_576, trustProxy: fastifyTrustProxy(deps.trustProxy) });
  const log = logger || undefined;

  await app.register(fastifyCookie);

  app.addHook('onRequest', (request, _reply, done) => runWithOrigin({ ip: request.ip, actorId: null }, done));
  // Per user and per address, before anything costs the server (issue 20 §1).
  await registerRateLimits(app, deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  // Before the answer leaves, so a refusal is on the trail by the time the client sees it.
  app.addHook('onSend', async (request, reply, payload) => {
    await auditRefusal(deps.database.db, request, reply.statusCode);
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    log?.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    // No powerful browser features for anyone, and no window shared with another site's page.
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // Behind TLS only: HSTS on plain HTTP is ignored, and on loopback would pin localhost.
    if (deps.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Personal data must not linger in shared caches or the browser's HTTP cache: decided on
    // the matched route, so an encoded or oddly slashed path to the API is no-store too.
    if (!mayBeCached(request)) reply.header('cache-control', 'no-store');
    else webCaching(request, reply);
    return payload;
  });

  app.setErrorHandler((error: { code?: string; statusCode?: number; message?: string }, request, reply) => {
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, failure('invalid_json'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, failure('payload_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, failure('unsupported_media_type'));
    }
    if (error instanceof SyntaxError || error.statusCode === 400) return sendProblem(reply, failure('invalid_json'));
    // A database error's message can quote the offending value: log its code only.
    const fromDatabase = typeof (error as { severity?: unknown }).severity === 'string';
    log?.error({ err: { code: error.code, message: fromDatabase ? undefined : error.message }, route: request.routeOptions.url }, 'unhandled error');
    return sendProblem(reply, failure('internal_error'));
  });

  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  personRoutes(app, deps);
  dataSubjectRoutes(app, deps);
  retentionRoutes(app, deps);
  householdRoutes(app, deps);
  siteRoutes(app, deps);
  instrumentRoutes(app, deps);
  screeningRoutes(app, deps);
  reportRoutes(app, deps);
  populationRoutes(app, deps);
  protectionNoteRoutes(app, deps);
  auditRoutes(app, deps);
  consentRoutes(app, deps);
  operationRoutes(app, deps);
  agencyRoutes(app, deps);
  teamRoutes(app, deps);
  userRoutes(app, deps);
  assignmentRoutes(app, deps);
  caseRoutes(app, deps);
  caseDocumentRoutes(app, deps);
  traffickingRoutes(app, deps);
  solutionRoutes(app, deps);
  childRoutes(app, deps);
  labourRoutes(app, deps);
  programmeRoutes(app, deps);
  exportRoutes(app, deps);
  openApiRoutes(app, deps.version);

  const webDir = deps.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // Brotli and gzip copies are made by the web build (packages/web/vite.config.ts); the
    // cache headers are set once for every static answer, in webCaching.
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'], preCompressed: true, cacheControl: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request) || !hasWeb || request.method !== 'GET') {
      return sendProblem(reply, failure('not_found'));
    }
    // Client-side routes: every other GET is the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
