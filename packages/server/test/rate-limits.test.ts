import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
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

/** A session is its user's in the limits from sign-in on; one ordinary request shows it is served. */
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
    // Six of the user's requests are allowed: the first, that one and four reads.
    for (let i = 0; i < 4; i++) expect((await hammer.request('GET', `/api/v1/persons/${id}`)).status).toBe(200);
    const before = await audited();
    for (let i = 0; i < 5; i++) expectRefused(await hammer.request('GET', `/api/v1/persons/${id}`));
    expect(await audited()).toBe(before);
    expect((await other.request('GET', '/api/v1/persons?limit=1')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await app.anonymous.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('counts every session of a user together, from the sign-in that opened it', async () => {
    const first = await app.as('supervisor');
    const { email } = await app.database.db.selectFrom('users').select('email').where('id', '=', first.userId!).executeTakeFirstOrThrow();
    const { client: second } = await app.signIn(email, 'a-long-test-password');
    for (let i = 0; i < 3; i++) expect((await first.request('GET', '/api/v1/sites')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await second.request('GET', '/api/v1/sites')).status).toBe(200);
    // Three requests on the second session alone would be allowed: the user's seventh is not.
    expectRefused(await second.request('GET', '/api/v1/sites'));
    expectRefused(await first.request('GET', '/api/v1/sites'));
  });

  it('a session still waiting for its second factor spends its address\'s allowance, never its user\'s', async () => {
    const owner = await app.as('supervisor');
    await app.database.pool.query(`update users set totp_secret_sealed = 'v1:k1:x:y', totp_confirmed_at = now() where id = $1`, [owner.userId]);
    const { client: halfway } = await app.from('127.0.0.2').signIn(owner.session!.user.email, 'a-long-test-password');
    expect(halfway.session!.mfa.verificationPending).toBe(true);
    for (let i = 0; i < 10; i++) await halfway.request('GET', '/api/v1/sessions/current');
    for (let i = 0; i < 6; i++) expect((await owner.request('GET', '/api/v1/sites')).status).toBe(200);
    expectRefused(await owner.request('GET', '/api/v1/sites'));
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
    app = await startTestApp(target, {
      rateLimits: { ...LIMITS, ordinary: { perUser: 100, perAddress: 12, inFlightPerUser: 8 }, expensive: { perUser: 3, perAddress: 5, inFlightPerUser: 2 } },
    });
  });
  afterAll(() => app.close());

  it('the anonymous of an address spend its allowance alone: its signed-in users go on, made-up cookies buy nothing', async () => {
    // Two sign-ins: two of the address's five anonymous expensive requests.
    const clients = [await app.as('caseworker'), await app.as('caseworker')];
    for (let i = 0; i < 12; i++) expect((await app.anonymous.request('GET', '/api/v1/sites')).status).toBe(401);
    expectRefused(await app.anonymous.request('GET', '/api/v1/sites'));
    // A session cookie nobody was given is anonymous too: no fresh allowance per cookie.
    expectRefused(await app.anonymous.request('GET', '/api/v1/sites', undefined, { cookie: 'waymark_session=made-up-token-number-one' }));
    expectRefused(await app.anonymous.request('GET', '/api/v1/sites', undefined, { cookie: 'waymark_session=made-up-token-number-two' }));
    for (const client of clients) for (let i = 0; i < 8; i++) expect((await client.request('GET', '/api/v1/sites')).status).toBe(200);
    // Signing in (anonymous, expensive) is what the address's anonymous have left: three more.
    for (let i = 0; i < 3; i++) expect((await app.anonymous.request('POST', '/api/v1/sessions', { email: `nobody-${i}@example.org`, password: 'wrong-password-here' })).status).toBe(401);
    expectRefused(await app.anonymous.request('POST', '/api/v1/sessions', { email: 'nobody@example.org', password: 'wrong-password-here' }));
    // Another address is another allowance.
    expect((await app.from('127.0.0.3').anonymous.request('GET', '/api/v1/sites')).status).toBe(401);
  });

  it("signed-in users' expensive requests count per user and per address, apart from the anonymous", async () => {
    const first = await app.from('127.0.0.4').signIn(await newUserEmail(app), 'a-long-test-password');
    const second = await app.from('127.0.0.4').signIn(await newUserEmail(app), 'a-long-test-password');
    for (let i = 0; i < 3; i++) expect((await first.client.request('GET', '/api/v1/persons?name=am')).status).toBe(200);
    expectRefused(await first.client.request('GET', '/api/v1/persons?name=am'));
    // The address's signed-in users have five: the second user gets the two left.
    for (let i = 0; i < 2; i++) expect((await second.client.request('GET', '/api/v1/persons?name=am')).status).toBe(200);
    expectRefused(await second.client.request('GET', '/api/v1/persons?name=am'));
    // Ordinary requests are the user's alone, and the address's anonymous still sign in.
    expect((await second.client.request('GET', '/api/v1/sites')).status).toBe(200);
    expect((await app.from('127.0.0.4').anonymous.request('POST', '/api/v1/sessions', { email: 'nobody@example.org', password: 'wrong-password-here' })).status).toBe(401);
  });
});

/** A caseworker of the test operation, made without signing in (which would spend 127.0.0.1's allowance). */
async function newUserEmail(app: TestApp): Promise<string> {
  const id = uuidv7();
  const email = `searcher-${id}@example.org`;
  const { password_hash } = await app.database.db.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow();
  await app.database.db.insertInto('users').values({ id, email, display_name: 'Searcher', password_hash, role: 'caseworker', scope: 'agency', agency_id: app.agencyId }).execute();
  await app.database.db.insertInto('user_operations').values({ user_id: id, operation_id: app.operationId }).execute();
  return email;
}

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
    expect(pdf['x-rate-limit']).toEqual({
      cost: 'expensive',
      windowSeconds: 60,
      ...DEFAULT_RATE_LIMITS.expensive,
      perAddressCounts: "requests without a signed-in session; signed-in users' requests in an allowance of their own",
      addresses: 'IPv4 addresses one by one, IPv6 addresses by their /64',
    });
    expect(document.paths['/api/v1/sites']!.get!['x-rate-limit']).toMatchObject({ cost: 'ordinary', perAddressCounts: 'requests without a signed-in session' });
    expect(pdf.responses['429']!.description).toContain('IPv6 addresses by their /64');
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
