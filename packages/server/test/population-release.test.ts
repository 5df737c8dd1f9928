import { publishCount } from '@waymark/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

/**
 * Time differencing (issue 12 §2): the same table before and after one registration. Readers
 * who may read every person see live figures; aggregate-only readers see the release, in
 * which an area moves only with at least k (5) people's changes.
 */
describe.each(databaseTargets())('population releases on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let admin: Client;
  let analyst: Client;

  interface Report {
    areas: Array<{ adminAreaCode: string | null; total: number | null; byLevel: Record<string, number | null> }>;
  }
  interface Table {
    figures: { source: string; releasedAt: string | null };
    rows: Array<{ key: string; cells: Array<number | null>; total: number | null }>;
    grandTotal: number | null;
  }

  const register = async (area: string, n: number, sex = 'female') => {
    for (let i = 0; i < n; i++) {
      const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `R${i}`, familyName: area, sex, birthYear: 1988, adminAreaCode: area });
      expect(created.status).toBe(201);
    }
  };
  /** What the cell-key method makes of an area's people as they are in the database now. */
  const published = async (area: string | null) => {
    const row = await sql<{ n: string; keys: string }>`
      select count(*) as n, coalesce(sum(record_key) % 4294967296, 0) as keys from persons
       where operation_id = ${app.operationId}::uuid and (${area}::text is null or admin_area_code = ${area})`.execute(app.database.db);
    return publishCount({ n: Number(row.rows[0]!.n), keySum: Number(row.rows[0]!.keys) }, 5);
  };
  const report = async (client: Client) => {
    const response = await client.request('GET', `/api/v1/reports/risk-by-area?operationId=${app.operationId}`);
    expect(response.status).toBe(200);
    return response.body as Report;
  };
  const table = async (client: Client) => {
    const response = await client.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&view=risk_level&by=sex`);
    expect(response.status).toBe(200);
    return response.body as Table;
  };
  const totalOf = (body: Report, area: string) => body.areas.find((a) => a.adminAreaCode === area)?.total ?? null;

  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    admin = await app.as('administrator');
    analyst = await app.as('analyst');
    await register('REL-A', 12);
    await register('REL-B', 7);
    await app.release();
  }, 240_000);
  afterAll(() => app.close());

  it('gives analysts the release and readers of every person the live figures', async () => {
    expect((await table(analyst)).figures).toMatchObject({ source: 'release', releasedAt: expect.any(String) });
    expect((await table(admin)).figures.source).toBe('live');
    // A supervisor of the operation's only agency may read all its people: live.
    const supervisor = await app.as('supervisor');
    expect((await table(supervisor)).figures.source).toBe('live');
    expect(totalOf(await report(analyst), 'REL-A')).toBe(await published('REL-A'));
  });

  it('shows one registration live at once, and never to an analyst, however often the release is cut', async () => {
    const beforeReport = await report(analyst);
    const beforeTable = await table(analyst);
    await register('REL-A', 1, 'male');
    // Live: the newcomer is in the admin's numbers in the next request.
    expect(totalOf(await report(admin), 'REL-A')).toBe(await published('REL-A'));
    expect((await table(admin)).grandTotal).toBe(await published(null));
    // Released: nothing moved, before or after a cut, in any view.
    await app.release();
    expect(await report(analyst)).toEqual(beforeReport);
    expect((await table(analyst)).rows).toEqual(beforeTable.rows);
    await app.release();
    expect(await report(analyst)).toEqual(beforeReport);
  });

  it('moves an area in the release once k people in it changed, together, and holds the others', async () => {
    // Four more in REL-A (five with the one above): REL-A moves. One in REL-B: REL-B holds.
    await register('REL-A', 4, 'male');
    await register('REL-B', 1);
    const before = await report(analyst);
    await app.release();
    const after = await report(analyst);
    expect(totalOf(after, 'REL-A')).toBe(await published('REL-A'));
    expect(totalOf(after, 'REL-B')).toBe(totalOf(before, 'REL-B'));
    // The operation's total is the released areas' people: REL-A as it is, REL-B as it was.
    const released = await sql<{ n: string }>`select coalesce(sum(n), 0) as n from population_rollup_release where operation_id = ${app.operationId}::uuid`.execute(app.database.db);
    expect(Number(released.rows[0]!.n)).toBe(12 + 5 + 7);
  });

  it('gives release figures to a supervisor of one agency among several', async () => {
    const other = await app.createAgency();
    expect(other).toBeTruthy();
    const supervisor = await app.as('supervisor');
    expect((await table(supervisor)).figures.source).toBe('release');
    const wide = await app.as('supervisor', undefined, { scope: 'operation' });
    expect((await table(wide)).figures.source).toBe('live');
  });
});
