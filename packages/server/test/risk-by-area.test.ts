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
  });
  afterAll(() => app.close());

  it('gives analysts counts by area and level, withholding cells under the threshold', async () => {
    const analyst = await app.as('analyst');
    const response = await analyst.request('GET', '/api/v1/reports/risk-by-area');
    expect(response.status).toBe(200);
    const body = response.body as { suppressionThreshold: number; areas: { adminAreaCode: string; total: number | null; byLevel: Record<string, number | null> }[] };
    expect(body.suppressionThreshold).toBe(5);
    const big = body.areas.find((a) => a.adminAreaCode === 'AREA-BIG')!;
    // Zeros are shown: "nobody" singles nobody out.
    expect(big).toMatchObject({ total: 7, byLevel: { unscreened: 7, low: 0, critical: 0 } });
    // The small cell is hidden, and so is the one it could be subtracted from.
    const mixed = body.areas.find((a) => a.adminAreaCode === 'AREA-MIXED')!;
    expect(mixed.total).toBe(8);
    expect(mixed.byLevel.unscreened).toBeNull();
    expect(Object.values(mixed.byLevel).filter((count) => count === null)).toHaveLength(2);
    expect(Object.values(mixed.byLevel).filter((count) => count !== null)).toEqual([0, 0, 0]);
    // Two people in an area: the count itself could point at them, so it is withheld.
    expect(body.areas.find((a) => a.adminAreaCode === 'AREA-SMALL')).toMatchObject({ total: null, byLevel: { unscreened: null } });
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
