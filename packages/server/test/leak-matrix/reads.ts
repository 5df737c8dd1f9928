import { z } from 'zod';
import { AGGREGATE_VIEWS, findView } from '../../src/exports/registry';
import { OPERATIONS } from '../../src/http/openapi-document';

/** What a read's path and query are filled from: the screened person's records and their surroundings. */
export interface Subject {
  personId: string;
  householdId: string;
  caseId: string | null;
  /** The number a caseworker says aloud (`LBN-C-2026-000123`), for the lookup by number. */
  caseNumber: string | null;
  taskIds: string[];
}

export interface Surroundings {
  operationId: string;
  agencyId: string;
  programmeIds: string[];
  workplaceIds: string[];
}

/** One GET to send: its route (for the report) and the concrete URL. */
export interface Read {
  route: string;
  url: string;
}

/**
 * Routes that cannot carry anything about a screened person, each with the reason. Every
 * other GET route of the route table (openapi-document.ts OPERATIONS) is read by every
 * reader, so a new route joins the matrix by itself; a route whose path parameter no
 * resolver below can fill fails the coverage check until it is given one or a reason here.
 */
export const NOT_ABOUT_A_PERSON: Record<string, string> = {
  'GET /api/v1/openapi.json': 'the API description',
  'GET /api/v1/health': 'liveness',
  'GET /api/v1/instruments/{id}': "the instrument's own definition, the same for everyone (it is what the answers are checked against)",
  'GET /api/v1/instruments': 'the list of instruments',
  'GET /api/v1/case-tasks/{id}/referral.pdf':
    'prints only referral tasks, which staff write; a task copied from a screening is an action, and a restricted one is refused (403)',
};

/** Which of the subject's ids fills `{id}` after each path segment. */
const RESOLVERS: Record<string, (subject: Subject, around: Surroundings) => string[]> = {
  persons: (s) => [s.personId],
  households: (s) => [s.householdId],
  cases: (s) => (s.caseId ? [s.caseId] : []),
  'case-tasks': (s) => s.taskIds,
  operations: (_s, a) => [a.operationId],
  agencies: (_s, a) => [a.agencyId],
  programmes: (_s, a) => a.programmeIds,
  workplaces: (_s, a) => a.workplaceIds,
  exports: () => AGGREGATE_VIEWS.map((view) => view.id),
};

/** Query fields filled from the surroundings (any other field keeps its default). */
const QUERY_FIELDS: Record<string, (subject: Subject | null, around: Surroundings) => string | undefined> = {
  operationId: (_s, a) => a.operationId,
  agencyId: (_s, a) => a.agencyId,
  resourceId: (s) => s?.personId,
  personId: (s) => s?.personId,
  programmeId: (_s, a) => a.programmeIds[0],
  number: (s) => s?.caseNumber ?? undefined,
};

/** An aggregate view's own parameters, filled as a read of its export route fills them (for `waymark export`). */
export function viewParams(viewId: string, around: Surroundings): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of Object.keys(findView(viewId)!.params.shape)) {
    const fill = QUERY_FIELDS[key]?.(null, around);
    if (fill !== undefined) params[key] = fill;
  }
  return params;
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Path nouns whose `{id}` is one of the subject's own records. */
const SUBJECT_NOUNS = new Set(['persons', 'households', 'cases', 'case-tasks']);

const nounOf = (path: string) => /\/([a-z-]+)\/\{\w+\}/.exec(path)?.[1];

/** GET routes, split into those about one subject (its records' ids in the path) and the rest (lists, reports, exports). */
export function readRoutes() {
  const routes = OPERATIONS.filter((op) => op.method === 'get' && !(routeKey(op.method, op.path) in NOT_ABOUT_A_PERSON));
  const aboutSubject = (op: (typeof routes)[number]) => SUBJECT_NOUNS.has(nounOf(op.path) ?? '');
  return { perSubject: routes.filter(aboutSubject), global: routes.filter((op) => !aboutSubject(op)) };
}

/** The concrete reads of one route: every id its parameter can take, every enum option of its query. */
export function readsOf(op: (typeof OPERATIONS)[number], subject: Subject | null, around: Surroundings): Read[] {
  const route = routeKey(op.method, op.path);
  const match = /\/([a-z-]+)\/\{(\w+)\}/.exec(op.path);
  const routeQuery = (op as { query?: z.ZodType }).query;
  let paths = [{ path: op.path, query: routeQuery }];
  if (match) {
    const resolve = RESOLVERS[match[1]!];
    if (!resolve || !subject) return [];
    paths = resolve(subject, around).map((id) => ({
      path: op.path.replace(`{${match[2]}}`, encodeURIComponent(id)),
      // An export's query is the route's (the format) and the view's own parameters.
      query: match[1] === 'exports' && routeQuery instanceof z.ZodObject ? routeQuery.extend(findView(id)!.params.shape) : routeQuery,
    }));
  }
  return paths.flatMap(({ path, query }) => queryVariants(query, subject, around).map((variant) => ({ route, url: variant ? `${path}?${variant}` : path })));
}

/** The base query (ids filled), then one variant per option of each enum field (export formats, aggregate views). */
function queryVariants(schema: z.ZodType | undefined, subject: Subject | null, around: Surroundings): string[] {
  if (!(schema instanceof z.ZodObject)) return [''];
  const base = new URLSearchParams();
  const enums: Array<[string, readonly string[]]> = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const fill = QUERY_FIELDS[key]?.(subject, around);
    if (fill !== undefined) base.set(key, fill);
    const inner = unwrap(field);
    if (inner instanceof z.ZodEnum) enums.push([key, inner.options as readonly string[]]);
  }
  const variants = [base.toString()];
  for (const [key, options] of enums) {
    for (const option of options) {
      const variant = new URLSearchParams(base);
      variant.set(key, option);
      variants.push(variant.toString());
    }
  }
  return [...new Set(variants)];
}

function unwrap(field: z.ZodType): z.ZodType {
  let current: z.ZodType = field;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    const next = inner.innerType ?? inner.in;
    if (!next) return current;
    current = next;
  }
  return current;
}
