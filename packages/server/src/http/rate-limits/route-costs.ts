/**
 * What a request costs the server, by route. One user once held health's p99 at 1.25 s with
 * two-letter name searches and 1.09 s with subject-access PDFs, and wrote 7,300 audit rows in
 * three minutes (issue 20 §1): the costly routes get a tighter allowance than the rest.
 *
 * - `expensive`: reads that scan many rows or build a document (PDF, CSV, XLSX), the password
 *   hashes of signing in, and the map's shapes;
 * - `upload`: boundary files (up to 16 MB, parsed on a worker thread, one at a time);
 * - `ordinary`: everything else under /api;
 * - `health`: counted by address alone, generously: monitoring must reach it, and it costs
 *   at most one shared database ping a second (routes/health.ts).
 */
export type RouteCost = 'ordinary' | 'expensive' | 'upload' | 'health';

interface Costly {
  cost: Exclude<RouteCost, 'ordinary'>;
  /** When only some requests of the route cost this much; said in the OpenAPI document. */
  only?: { when: (query: unknown) => boolean; description: string };
}

/**
 * A name search without a run of three letters or digits cannot use the trigram index: it
 * reads every person in scope. Judged on the name as the contract will see it (NFC), so a
 * combining accent ("a\u0301b" is "áb") or punctuation ("!!!") does not pass for a long name.
 */
const SHORT_NAME = 3;
const TRIGRAM_RUN = new RegExp(`[\\p{L}\\p{N}]{${SHORT_NAME}}`, 'u');
const shortNameSearch = (query: unknown) =>
  typeof query === 'object' && query !== null && 'name' in query && typeof query.name === 'string' && !TRIGRAM_RUN.test(query.name.normalize('NFC'));

/** By Fastify route pattern (`:id`), method first. */
const COSTLY: Record<string, Costly> = {
  'GET /api/v1/health': { cost: 'health' },
  'POST /api/v1/sessions': { cost: 'expensive' },
  'POST /api/v1/sessions/current/password': { cost: 'expensive' },
  'GET /api/v1/persons': { cost: 'expensive', only: { when: shortNameSearch, description: `name searches without ${SHORT_NAME} letters or digits in a row` } },
  'GET /api/v1/persons/:id/export': { cost: 'expensive' },
  'GET /api/v1/cases/:id/summary.pdf': { cost: 'expensive' },
  'GET /api/v1/case-tasks/:id/referral.pdf': { cost: 'expensive' },
  'GET /api/v1/exports/:view': { cost: 'expensive' },
  'GET /api/v1/audit-events': { cost: 'expensive' },
  'GET /api/v1/operations/:id/retention/dry-run': { cost: 'expensive' },
  'GET /api/v1/programmes/:id/targets': { cost: 'expensive' },
  'GET /api/v1/programmes/:id/coverage': { cost: 'expensive' },
  'GET /api/v1/population/areas': { cost: 'expensive' },
  'POST /api/v1/operations/:id/boundaries': { cost: 'upload' },
};

/** The cost of a request, from its method, matched route pattern and parsed query. */
export function costOf(method: string, route: string | undefined, query: unknown): RouteCost {
  // Fastify answers HEAD on every GET route by running the GET handler: it costs the same.
  const asMethod = method === 'HEAD' ? 'GET' : method;
  const costly = route === undefined ? undefined : COSTLY[`${asMethod} ${route}`];
  if (!costly) return 'ordinary';
  return costly.only === undefined || costly.only.when(query) ? costly.cost : 'ordinary';
}

/** The cost of an OpenAPI operation (`{id}` paths), with the condition when only some requests pay it. */
export function documentedCostOf(method: string, openApiPath: string): { cost: RouteCost; only?: string } {
  const costly = COSTLY[`${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`];
  if (!costly) return { cost: 'ordinary' };
  return costly.only ? { cost: costly.cost, only: costly.only.description } : { cost: costly.cost };
}
