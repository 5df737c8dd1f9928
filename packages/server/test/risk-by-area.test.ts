import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

describe.each(databaseTargets())('risk by area on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    const person = (area: string, n: number) => ({ givenName: `P${n}`, familyName: 'Test', sex: 'female', birthYear: 1990, adminAreaCode: area });
    for (let n = 0; n < 7; n++) expect((await caseworker.request('POST', '/api/v1/persons', person('AREA-BIG', n))).status).toBe(201);
    for (let n = 0; n < 2; n++) expect((await caseworker.request('POST', '/api/v1/persons', person('AREA-SMALL', n))).status).toBe(201);
    // Eight people, two screened (low): a naive report would show "total 8, unscreened 6"
    // and so give away the hidden 2.
    for (let n = 0; n < 8; n++) {
      const created = await caseworker.request('POST', '/api/v1/persons', person('AREA-MIXED', n));
      if (n < 2) {
        const id = (created.body as { id: string }).id;
        await giveConsent(caseworker, id);
        expect((await caseworker.request('POST', `/api/v1/persons/${id}/screenings`, { instrument: 'heightened-risk', responses: {} })).status).toBe(201);
      }
    }
    // Analysts read the release (migration 0038): cut it as the daily schedule would.
    await app.release();
  });
  afterAll(() => app.close());

  it('gives analysts counts by area and level, withholding cells under the threshold', async () => {
    const analyst = await app.as('analyst');
    const response = await analyst.request('GET', '/api/v1/reports/risk-by-area');
    expect(response.status).toBe(200);
    const body = response.body as {
      suppressionThreshold: number;
      disclosure: unknown;
      areas: { adminAreaCode: string; total: number | null; byLevel: Record<string, number | null> }[];
    };
    expect(body.suppressionThreshold).toBe(5);
    expect(body.disclosure).toEqual({ method: 'cell-key', threshold: 5, maxPerturbation: 2, distribution: 'uniform', bias: 0 });
    const near = (shown: number | null | undefined, truth: number) => {
      // Shown within D = 2 of the truth, at least k, or withheld; never a count under k as it is.
      if (shown === null || shown === undefined) return expect(truth).toBeLessThanOrEqual(5 + 1);
      expect(Math.abs(shown - truth)).toBeLessThanOrEqual(2);
      expect(shown).toBeGreaterThanOrEqual(5);
    };
    const big = body.areas.find((a) => a.adminAreaCode === 'AREA-BIG')!;
    near(big.total, 7);
    near(big.byLevel.unscreened, 7);
    // Nobody is withheld like any other small count: a shown 0 would close a subtraction.
    expect([big.byLevel.low, big.byLevel.critical]).toEqual([null, null]);
    // The same 7 people make the same number in both places.
    expect(big.byLevel.unscreened).toBe(big.total);
    const mixed = body.areas.find((a) => a.adminAreaCode === 'AREA-MIXED')!;
    near(mixed.total, 8);
    near(mixed.byLevel.unscreened, 6);
    // Two screened (low): 2 + D is under k, so never shown; nobody at the other levels.
    expect([mixed.byLevel.low, mixed.byLevel.medium, mixed.byLevel.high, mixed.byLevel.critical]).toEqual([null, null, null, null]);
    // Two people in an area: never shown (2 + D is under k); fewer than k people have changed
    // there since the (empty) last release, so the area is not even in the release yet.
    expect(body.areas.find((a) => a.adminAreaCode === 'AREA-SMALL')?.total ?? null).toBeNull();
  });

  it('is not for caseworkers, and refuses an operation the analyst is not in', async () => {
    expect((await caseworker.request('GET', '/api/v1/reports/risk-by-area')).status).toBe(403);
    const analyst = await app.as('analyst');
    const other = await analyst.request('GET', '/api/v1/reports/risk-by-area?operationId=0190a4e0-0000-7000-8000-000000000000');
    expect(other.status).toBe(403);
    const bad = await analyst.request('GET', '/api/v1/reports/risk-by-area?operationId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/operationId' })] });
  });
});
