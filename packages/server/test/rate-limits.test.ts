import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../src/http/rate-limits/rate-limits';
import { DEFAULT_RATE_LIMITS } from '../src/http/rate-limits/rate-limits';
import { costOf } from '../src/http/rate-limits/route-costs';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp, type TestResponse } from './test-app';

// Issue 20 §1: ~17,000 requests from one user without a 429; a two-letter name search and
// subject-access PDFs held health's p99 over a second; 7,300 audit rows in three minutes.

const LIMITS: RateLimits = {
  windowSeconds: 600,
  ordinary: { perUser: 6, perAddress: 40, inFlightPerUser: 8 },
  expensive: { perUser: 2, perAddress: 40, inFlightPerUser: 1 },
  upload: { perUser: 50, perAddress: 100, inFlightPerUser: 1 },
  health: { perAddress: 100 },
};

/**
 * A session's first request is counted by its token (the user is known only once it has been
 * answered): one ordinary request first, so that what a test counts is the user's.
 */
const known = async (client: Client) => {
  expect((await client.request('GET', '/api/v1/sites')).status).toBe(200);
  return client;
};

const expectRefused = (response: TestResponse) => {
  expect(response.status).toBe(429);
  expect(response.contentType).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: 429, code: 'rate_limited' });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
};

describe.each(databaseTargets())('rate limits on $name PostgreSQL', (target) => {
  let app: TestApp;
  const audited = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(app.database.db)).rows[0]!.n;

  beforeAll(async () => {
    app = await startTestApp(target, { rateLimits: LIMITS });
  });
  afterAll(() => app.close());

  it('refuses a user past the allowance with 429 problem+json and Retry-After, doing nothing, while others and health go on', async () => {
    const hammer = await known(await app.as('caseworker'));
    const other = await app.as('caseworker');
    const created = await hammer.request('POST', '/api/v1/persons', { givenName: 'Amal', familyName: 'Haddad', sex: 'female', birthYear: 1990 });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    // Six of the user's requests are allowed: that one and five reads.
    for (let i = 0; i < 5; i++) expect((await hammer.request('GET', `/api/v1/persons/${id}`)).status).toBe(200);
    const before = await audited();
    for (let i = 0; i < 5; i++) expectRefused(await hammer.request('GET', `/api/v1/persons/${id}`));
    expect(await audited()).toBe(before);
    expect((await other.request('GET', '/api/v1/persons?limit=1')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await app.anonymous.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('counts every session of a user together, once one of them has been answered as theirs', async () => {
    const first = await app.as('supervisor');
    const { email } = await app.database.db.selectFrom('users').select('email').where('id', '=', first.userId!).executeTakeFirstOrThrow();
    const { client: second } = await app.signIn(email, 'a-long-test-password');
    // Each session's first request is counted by its token; the user's count is then 2 + 2.
    for (let i = 0; i < 3; i++) expect((await first.request('GET', '/api/v1/sites')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await second.request('GET', '/api/v1/sites')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await first.request('GET', '/api/v1/sites')).status).toBe(200);
    // Five requests on the second session alone would be allowed: the user's sixth was not.
    expectRefused(await second.request('GET', '/api/v1/sites'));
    expectRefused(await first.request('GET', '/api/v1/sites'));
  });

  it('gives expensive requests their own, tighter allowance: two-letter name searches, not longer ones', async () => {
    const searcher = await known(await app.as('caseworker'));
    for (let i = 0; i < 2; i++) expect((await searcher.request('GET', '/api/v1/persons?name=am')).status).toBe(200);
    expectRefused(await searcher.request('GET', '/api/v1/persons?name=am'));
    expect((await searcher.request('GET', '/api/v1/persons?name=amal')).status).toBe(200);
  });

  it('refuses a second expensive request while the user\'s first is still in flight', async () => {
    const admin = await known(await app.as('administrator'));
    // An upload whose body has not finished arriving: in flight, deterministically.
    let finish!: () => void;
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"level": 1, "codeProperty": "pcode", "source": "x", "geojson": '));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('[1]}'));
          controller.close();
        };
      },
    });
    const path = `/api/v1/operations/${app.operationId}/boundaries`;
    const first = fetch(app.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
      body: held,
      duplex: 'half',
    } as RequestInit);
    // The held upload is counted as soon as its headers arrive; poll until the second is refused.
    let second: TestResponse | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      second = await admin.request('POST', path, { level: 1, codeProperty: 'pcode', source: 'y', geojson: [1] });
      if (second.status === 429) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expectRefused(second!);
    expect((second!.body as { detail: string }).detail).toContain('at once');
    finish();
    expect((await first).status).toBe(400);
    // Its turn over, the next is heard (and refused for what it says, not for being one too many).
    expect((await admin.request('POST', path, { level: 1, codeProperty: 'pcode', source: 'z', geojson: [1] })).status).toBe(400);
  });
});

describe.each(databaseTargets())('rate limits per address on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, { rateLimits: { ...LIMITS, ordinary: { perUser: 100, perAddress: 12, inFlightPerUser: 8 } } });
  });
  afterAll(() => app.close());

  it('holds every user of one address and the anonymous to the address\'s allowance', async () => {
    const answered: number[] = [];
    // Signing in is expensive, not ordinary: three users cost the address nothing here.
    const clients = [await app.as('caseworker'), await app.as('caseworker'), await app.as('caseworker')];
    for (let i = 0; i < 12; i++) answered.push((await clients[i % 3]!.request('GET', '/api/v1/sites')).status);
    expect(answered).toEqual(new Array(12).fill(200));
    for (const client of [...clients, app.anonymous]) expectRefused(await client.request('GET', '/api/v1/sites'));
    expect((await app.anonymous.request('GET', '/api/v1/health')).status).toBe(200);
  });
});

describe.each(databaseTargets())('rate limits in the OpenAPI document on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  it('states the limits of every route, the expensive ones with their tighter allowance', async () => {
    const document = (await app.anonymous.request('GET', '/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; headers?: Record<string, unknown> }>; 'x-rate-limit': Record<string, unknown> }>>;
    };
    const pdf = document.paths['/api/v1/cases/{id}/summary.pdf']!.get!;
    expect(pdf['x-rate-limit']).toEqual({ cost: 'expensive', windowSeconds: 60, ...DEFAULT_RATE_LIMITS.expensive });
    expect(pdf.responses['429']!.headers).toHaveProperty('Retry-After');
    expect(document.paths['/api/v1/persons']!.get!['x-rate-limit']).toMatchObject({ cost: 'expensive', appliesTo: 'name searches without 3 letters or digits in a row' });
    expect(document.paths['/api/v1/operations/{id}/boundaries']!.post!['x-rate-limit']).toMatchObject({ cost: 'upload' });
    expect(document.paths['/api/v1/health']!.get!['x-rate-limit']).toEqual({ cost: 'health', windowSeconds: 60, perAddress: DEFAULT_RATE_LIMITS.health.perAddress });
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.responses['429'], `${method} ${path}`).toBeDefined();
      }
    }
  });
});

describe('what a request costs, whatever its spelling (found in review)', () => {
  it('counts HEAD on a costly GET route as that GET: Fastify runs the same handler, PDF and audit row included', () => {
    expect(costOf('HEAD', '/api/v1/persons/:id/export', {})).toBe('expensive');
    expect(costOf('HEAD', '/api/v1/cases/:id/summary.pdf', {})).toBe('expensive');
    expect(costOf('HEAD', '/api/v1/health', {})).toBe('health');
  });

  it('judges a name search on the name the contract sees: a combining accent or punctuation is not a long name', () => {
    expect(costOf('GET', '/api/v1/persons', { name: 'a\u0301b' })).toBe('expensive');
    expect(costOf('GET', '/api/v1/persons', { name: '!!!' })).toBe('expensive');
    expect(costOf('GET', '/api/v1/persons', { name: 'a b c' })).toBe('expensive');
    expect(costOf('GET', '/api/v1/persons', { name: 'Ali' })).toBe('ordinary');
    expect(costOf('GET', '/api/v1/persons', { name: 'محمد' })).toBe('ordinary');
    expect(costOf('GET', '/api/v1/persons', {})).toBe('ordinary');
  });
});
