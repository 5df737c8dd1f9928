import fc from 'fast-check';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATIONS } from '../src/http/openapi-document';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

/** What the review typed into every field: NUL, controls, bidi overrides, formulas, lone surrogates, SQL. */
const HOSTILE = ['\u0000', 'a\u0000b', '\u202Eevil', 'x\u2066y', '=HYPERLINK("http://x","y")', '+cmd', '\r', '\tx', 'a\u0085b', 'Jose\u0301', '\ud800', '%00', "' or 1=1 --", 'x'.repeat(3000)];

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
  maxLength?: number;
};

/**
 * Values for a contract's JSON Schema (the one OpenAPI publishes), mostly valid so the
 * request reaches the database, with hostile text wherever a string goes.
 */
function arbitrary(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => arbitrary(option, ids)));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitrary(value, ids)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'array':
      return fc.array(schema.items ? arbitrary(schema.items, ids) : fc.string(), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(schema.minimum ?? -5, -1_000_000), max: Math.min(schema.maximum ?? 5000, 1_000_000) });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringArbitrary(schema, ids);
    default:
      return fc.oneof(fc.constant(null), fc.constantFrom(...HOSTILE));
  }
}

function stringArbitrary(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.constant(uuidv7()));
  if (schema.format === 'date') return fc.constantFrom('2026-01-15', '1990-05-01', '2026-02-30', '\u00002026-01-01');
  if (schema.format === 'date-time') return fc.constantFrom('2026-01-15T10:00:00Z', 'x\u0000');
  if (schema.format === 'email') return fc.uuid().map((id) => `fuzz-${id}@example.org`);
  const hostile = fc.constantFrom(...HOSTILE);
  if (schema.pattern) {
    try {
      return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, schema.maxLength ?? 200)), hostile);
    } catch {
      return hostile;
    }
  }
  return fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40) }), fc.constantFrom('Amal', 'A-1', 'Some words'), hostile);
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

// The session routes would sign the fuzzing client out or change its password.
const fuzzed = OPERATIONS.filter((op) => !op.path.startsWith('/api/v1/sessions') && (op.body || op.query));
const writes = fuzzed.filter((op) => op.method !== 'get');
const lists = fuzzed.filter((op) => op.method === 'get');

/**
 * A fast-check fuzz over every write route and every list filter of the route table: no
 * answer is a 5xx, and the data changes exactly when the answer is a 2xx.
 */
describe.each(databaseTargets())('fuzzing every write route and list filter on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let administrator: Client;
  const idsFor: Record<string, string> = {};
  let pool: string[] = [];
  let tables: string[] = [];

  /** Every table's rows as one digest, but the audit trail and the sign-in bookkeeping (written on refusals by design). */
  const snapshot = async () => {
    const parts = tables.map((table) => sql`(select coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from ${sql.table(table)} t)`);
    const { rows } = await sql<{ digest: string }>`select concat_ws(',', ${sql.join(parts)}) as digest`.execute(app.database.db);
    return rows[0]!.digest;
  };

  beforeAll(async () => {
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
    administrator = await app.as('administrator');
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_events', 'sessions', 'sign_in_attempts', 'sign_in_throttle', 'schema_migrations')
      order by table_name`.execute(app.database.db);
    tables = rows.map((row) => row.table_name);
    const person = ((await supervisor.request('POST', '/api/v1/persons', { givenName: 'Amal', familyName: 'H', sex: 'female', birthYear: 2015 })).body as { id: string }).id;
    await giveConsent(supervisor, person);
    const household = ((await supervisor.request('POST', '/api/v1/households', { members: [{ givenName: 'B', familyName: 'H', sex: 'male', birthYear: 1980, relationshipToHead: 'head' }] })).body as { id: string }).id;
    const caseId = ((await supervisor.request('POST', '/api/v1/cases', { personId: person })).body as { id: string }).id;
    const workplace = ((await supervisor.request('POST', '/api/v1/workplaces', { name: 'Farm', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-L' })).body as { id: string }).id;
    Object.assign(idsFor, { persons: person, households: household, cases: caseId, workplaces: workplace, operations: app.operationId, agencies: app.agencyId });
    pool = Object.values(idsFor).filter((id): id is string => typeof id === 'string');
  }, 120_000);
  afterAll(() => app.close());

  const pathFor = (path: string) => path.replace('{id}', idsFor[path.split('/')[3]!] ?? uuidv7()).replace('{view}', 'risk-by-area');
  const clientFor = (path: string) => (/^\/api\/v1\/(operations|agencies|teams|users)/.test(path) ? administrator : supervisor);

  it.each(writes.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s: no 5xx, and rows change exactly with a 2xx', async (_name, op) => {
    const bodies = arbitrary(jsonSchema(op.body!), pool);
    let successes = 0;
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = await snapshot();
        const response = await clientFor(op.path).request(op.method.toUpperCase(), pathFor(op.path), body);
        const changed = (await snapshot()) !== before;
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        const success = response.status >= 200 && response.status < 300;
        if (!success) expect(changed, `${response.status} changed data`).toBe(false);
        successes += success ? 1 : 0;
        changes += changed ? 1 : 0;
      }),
      { numRuns: 10, seed: 20261207, endOnFailure: true },
    );
    // A PUT that sets what is already there succeeds and changes nothing (idempotent);
    // every other 2xx writes, and nothing that failed ever did (checked per run above).
    if (op.method === 'put') expect(changes).toBeLessThanOrEqual(successes);
    else expect(changes).toBe(successes);
  });

  it.each(lists.map((op) => [`GET ${op.path}`, op] as const))('%s: every filter, hostile or not, is answered without a 5xx and changes nothing', async (_name, op) => {
    const schema = jsonSchema(op.query!);
    const filters = arbitrary({ ...schema, required: [] }, pool);
    await fc.assert(
      fc.asyncProperty(filters, async (filters) => {
        const query = new URLSearchParams(Object.entries(filters as Record<string, unknown>).map(([key, value]): [string, string] => [key, Array.isArray(value) ? value.join(',') : String(value)]));
        const before = await snapshot();
        const response = await clientFor(op.path).request('GET', `${pathFor(op.path)}?${query.toString()}`);
        expect(response.status, `${query.toString()} ${JSON.stringify(response.body)}`).toBeLessThan(500);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 8, seed: 20261207, endOnFailure: true },
    );
  });
});
