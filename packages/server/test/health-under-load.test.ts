import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../src/http/rate-limits/rate-limits';
import { UNLIMITED } from '../src/http/rate-limits/rate-limits';
import { databaseTargets, freshDatabase } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

// Review of issue 20 (§1): /api/v1/health was unlimited and took a database connection for
// every call, so under load monitoring competed with real work for the pool.

/** Counts the statements the app sends to its (real) database: observed, not replaced. */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      counter.count++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return counter;
}

const HEALTH_LIMITS: RateLimits = { ...UNLIMITED, health: { perAddress: 5 } };

describe.each(databaseTargets())('health under load on $name PostgreSQL', (target) => {
  let app: TestApp;
  const counter = statementCounter();

  beforeAll(async () => {
    const database = await freshDatabase(target);
    app = await startTestApp(target, { database: { ...database, db: database.db.withPlugin(counter) } });
  });
  afterAll(() => app.close());

  it('shares one database ping among concurrent calls and reuses its answer for about a second', async () => {
    const before = counter.count;
    const answers = await Promise.all(Array.from({ length: 40 }, () => app.anonymous.request('GET', '/api/v1/health')));
    expect(answers.map((answer) => answer.status)).toEqual(new Array(40).fill(200));
    // Forty calls, at most two pings (one in flight, or one fresh answer and one after it aged).
    expect(counter.count - before).toBeLessThanOrEqual(2);
    expect(counter.count - before).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const later = counter.count;
    expect((await app.anonymous.request('GET', '/api/v1/health')).status).toBe(200);
    expect(counter.count - later).toBe(1);
  });

  it('says the server and its database answer, and which kind of database, nothing more (no versions)', async () => {
    const health = await app.anonymous.request('GET', '/api/v1/health');
    expect(health.body).toEqual({ status: 'ok', database: target.name });
    expect(health.headers.get('server')).toBeNull();
    expect(health.headers.get('x-powered-by')).toBeNull();
  });
});

describe.each(databaseTargets())('health is limited per address on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, { rateLimits: HEALTH_LIMITS });
  });
  afterAll(() => app.close());

  it('answers an address up to its allowance, then 429 problem+json with Retry-After, signed in or not', async () => {
    const signedIn = await app.as('caseworker');
    for (let i = 0; i < 3; i++) expect((await app.anonymous.request('GET', '/api/v1/health')).status).toBe(200);
    // A session does not buy another allowance: health is counted by address alone.
    for (let i = 0; i < 2; i++) expect((await signedIn.request('GET', '/api/v1/health')).status).toBe(200);
    for (const client of [app.anonymous, signedIn]) {
      const refused = await client.request('GET', '/api/v1/health');
      expect(refused.status).toBe(429);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'rate_limited' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Health's allowance is its own: the address's other requests are not refused for it.
    expect((await signedIn.request('GET', '/api/v1/sites')).status).toBe(200);
  });
});
