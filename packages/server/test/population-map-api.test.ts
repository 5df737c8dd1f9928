import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedBoundaries } from '../src/use-cases/population/shipped-boundaries';
import { assignParents } from '@waymark/core';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const collection = (features: Array<{ code: string; name: string; geometry: unknown }>) => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', properties: { pcode: f.code, label: f.name }, geometry: f.geometry })),
});
// Two governorates side by side; North has two districts, South one. District N2 pokes a
// little into South (layers need not nest): its interior point decides.
const ADM1 = collection([
  { code: 'G-N', name: 'North', geometry: square(35, 34, 1) },
  { code: 'G-S', name: 'South', geometry: square(35, 33, 1) },
]);
const ADM2 = collection([
  { code: 'D-N1', name: 'North One', geometry: square(35, 34.5, 0.5) },
  { code: 'D-N2', name: 'North Two', geometry: { type: 'Polygon', coordinates: [[[35, 33.95], [35.5, 33.95], [35.5, 34.5], [35, 34.5], [35, 33.95]]] } },
  { code: 'D-S1', name: 'South One', geometry: square(35, 33, 0.9) },
]);

interface Table {
  suppressionThreshold: number;
  columns: Array<{ key: string }>;
  rows: Array<{ key: string; name: string | null; drill: string | null; rolledUp: string[]; cells: Array<number | null>; total: number | null }>;
  columnTotals: Array<number | null> | null;
  grandTotal: number | null;
}

describe.each(databaseTargets())('population map API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let caseworker: Client;
  let analyst: Client;
  /**
   * Reads the live figures (an administrator may read every person): these tests are about the
   * cell-key method on the people as they are; what analysts see between releases is
   * population-release.test.ts's.
   */
  let reader: Client;
  const ids: Record<string, string[]> = {};
  const register = async (area: string, n: number, extra: Record<string, unknown> = {}) => {
    for (let i = 0; i < n; i++) {
      const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `P${i}`, familyName: area, sex: 'female', birthYear: 1990, adminAreaCode: area, ...extra });
      expect(created.status).toBe(201);
      (ids[area] ??= []).push((created.body as { id: string }).id);
    }
  };
  const screen = async (personId: string, responses: Record<string, unknown> = {}) => {
    await giveConsent(caseworker, personId);
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses });
    expect(screened.status).toBe(201);
  };
  const aggregates = async (client: Client, query: string) => {
    const response = await client.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Table;
  };

  beforeAll(async () => {
    app = await startTestApp(target);
    admin = await app.as('administrator');
    caseworker = await app.as('caseworker');
    analyst = await app.as('analyst');
    reader = admin;
    await register('D-N1', 12);
    await register('D-N2', 3);
    await register('D-S1', 9, { sex: 'male', birthYear: new Date().getUTCFullYear() - 2 });
    for (const id of ids['D-N1']!.slice(0, 6)) await screen(id);
  });
  afterAll(() => app.close());

  it('loads an operation\'s own boundaries, each district under the governorate holding its interior point, audited', async () => {
    const first = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 2, codeProperty: 'pcode', nameProperty: 'label', source: 'test districts', geojson: ADM2 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ level: 2, areas: 3, matched: 3, reparented: 0 });
    // The level above matches no person directly: it is accepted because it parents the districts.
    const second = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 1, codeProperty: 'pcode', nameProperty: 'label', source: 'test governorates', geojson: ADM1 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toEqual({ level: 1, areas: 2, matched: 0, reparented: 3 });
    const areas = await analyst.request('GET', `/api/v1/population/areas?operationId=${app.operationId}`);
    expect(areas.status).toBe(200);
    const body = areas.body as { areas: Array<{ code: string; parentCode: string | null; name: string }>; sources: string[] };
    expect(Object.fromEntries(body.areas.map((a) => [a.code, a.parentCode]))).toEqual({ 'G-N': null, 'G-S': null, 'D-N1': 'G-N', 'D-N2': 'G-N', 'D-S1': 'G-S' });
    expect(body.areas.find((a) => a.code === 'D-N1')!.name).toBe('North One');
    expect(body.sources.sort()).toEqual(['test districts', 'test governorates']);
    const audit = await app.database.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'boundaries.upload').execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a file that is not valid GeoJSON with the path of the fault, and writes nothing', async () => {
    const before = await app.database.db.selectFrom('admin_areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const broken = collection([{ code: 'X', name: 'X', geometry: { type: 'Polygon', coordinates: [[[35, 33], [36, 33], [36, 34], [35, 34]]] } }]);
    const open = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 2, codeProperty: 'pcode', source: 'broken', geojson: broken });
    expect(open.status).toBe(400);
    expect(open.contentType).toContain('application/problem+json');
    expect(open.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/geojson/features/0/geometry/coordinates/0/3', code: 'ring_not_closed' }] });
    const notGeo = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 2, codeProperty: 'pcode', source: 'x', geojson: [1, 2] });
    expect(notGeo.status).toBe(400);
    expect(notGeo.body).toMatchObject({ errors: [{ path: '/geojson', code: 'not_feature_collection' }] });
    const noLevel = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 9, codeProperty: 'pcode', source: 'x', geojson: ADM2 });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body).toMatchObject({ errors: [expect.objectContaining({ path: '/level' })] });
    // Keyed on the wrong property: the names are not codes anyone carries.
    const wrongKey = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 3, codeProperty: 'label', source: 'x', geojson: ADM2 });
    expect(wrongKey.status).toBe(422);
    expect(wrongKey.body).toMatchObject({ code: 'boundary_codes_unmatched', errors: [{ path: '/codeProperty' }] });
    // Governorates of somewhere else: no district lies inside them, and the nearest-shape
    // fallback would have filed all three under one of them.
    const elsewhere = collection([{ code: 'G-X', name: 'Elsewhere', geometry: square(100, 10, 1) }]);
    const outside = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 1, codeProperty: 'pcode', source: 'x', geojson: elsewhere });
    expect(outside.status).toBe(422);
    expect(outside.contentType).toContain('application/problem+json');
    expect(outside.body).toMatchObject({ code: 'boundary_areas_outside', errors: [{ path: '/geojson', code: 'boundary_areas_outside' }] });
    const after = await app.database.db.selectFrom('admin_areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await caseworker.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 2, codeProperty: 'pcode', source: 'x', geojson: ADM2 })).status).toBe(403);
    expect((await analyst.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 2, codeProperty: 'pcode', source: 'x', geojson: ADM2 })).status).toBe(403);
  });

  /** Shown by the cell-key method: within D = 2 of the truth and at least k, or withheld; a count under k never as it is. */
  const near = (shown: number | null | undefined, truth: number, k = 5) => {
    if (shown === null || shown === undefined) return expect(truth, 'withheld only when the perturbed count is under k').toBeLessThanOrEqual(k + 1);
    expect(Math.abs(shown - truth), `${shown} for ${truth}`).toBeLessThanOrEqual(2);
    expect(shown).toBeGreaterThanOrEqual(k);
  };

  it('counts people by governorate and risk level, by the cell-key method, and says so', async () => {
    const table = await aggregates(reader, 'view=risk_level&by=area&level=1');
    expect(table.columns.map((c) => c.key)).toEqual(['low', 'medium', 'high', 'critical', 'unscreened']);
    expect((table as unknown as { disclosure: unknown }).disclosure).toEqual({ method: 'cell-key', threshold: 5, maxPerturbation: 2, distribution: 'uniform', bias: 0 });
    const north = table.rows.find((r) => r.key === 'G-N')!;
    const south = table.rows.find((r) => r.key === 'G-S')!;
    expect(north).toMatchObject({ name: 'North', drill: 'area' });
    near(north.total, 15);
    near(north.cells[4], 9);
    // Nobody at a level is withheld like any small count: a shown 0 would close a subtraction.
    expect(south.cells.slice(0, 4)).toEqual([null, null, null, null]);
    near(south.total, 9);
    // South's 9 are the same people in its total and its unscreened cell: the same number.
    expect(south.cells[4]).toBe(south.total);
    near(table.grandTotal, 24);
  });

  it('never rolls rows together, and never shows a small count as it is', async () => {
    const table = await aggregates(reader, 'view=risk_level&by=area&area=G-N');
    // D-N2 has 3 people: its own row, withheld or moved up to at least k, never 3.
    expect(table.rows.map((r) => r.key).sort()).toEqual(['D-N1', 'D-N2']);
    expect(table.rows.every((r) => r.rolledUp.length === 0)).toBe(true);
    const small = table.rows.find((r) => r.key === 'D-N2')!;
    expect(small.total).not.toBe(3);
    near(small.total, 3);
    for (const row of table.rows) for (const cell of row.cells) if (cell !== null) expect(cell).toBeGreaterThanOrEqual(table.suppressionThreshold);
  });

  it('shows the same people as the same number at both levels, in every view, in the report and in every export', async () => {
    // South has one district: G-S (level 1) and D-S1 (level 2) are the same 9 people.
    const level1 = await aggregates(reader, 'view=risk_level&by=area&level=1');
    const level2 = await aggregates(reader, 'view=risk_level&by=area&level=2');
    const south = level1.rows.find((r) => r.key === 'G-S')!.total;
    expect(level2.rows.find((r) => r.key === 'D-S1')!.total).toBe(south);
    // The 9 men are all of South, all men, all children under 5: each view's cell is them.
    expect((await aggregates(reader, 'view=risk_level&by=sex')).rows.find((r) => r.key === 'male')!.total).toBe(south);
    expect((await aggregates(reader, 'view=risk_level&by=age_bracket')).rows.find((r) => r.key === '0-4')!.total).toBe(south);
    expect((await aggregates(reader, 'view=risk_level&by=sex&area=G-S')).grandTotal).toBe(south);
    expect((await aggregates(reader, 'view=risk_level&by=area&level=1&sex=male')).rows.find((r) => r.key === 'G-S')!.total).toBe(south);
    // The report and the exports of both.
    const report = await reader.request('GET', `/api/v1/reports/risk-by-area?operationId=${app.operationId}`);
    const area = (report.body as { areas: Array<{ adminAreaCode: string; total: number | null }> }).areas.find((a) => a.adminAreaCode === 'D-S1')!;
    expect(area.total).toBe(south);
    for (const format of ['csv', 'hxl', 'xlsx'] as const) {
      const file = await reader.request('GET', `/api/v1/exports/population?operationId=${app.operationId}&view=risk_level&by=area&level=2&format=${format}`);
      expect(file.status).toBe(200);
    }
    const csv = await reader.request('GET', `/api/v1/exports/population?operationId=${app.operationId}&view=risk_level&by=area&level=2&format=csv`);
    const line = String(csv.body).split('\n').find((l) => l.startsWith('D-S1,'))!;
    expect(line.split(',')[2]).toBe(String(south));
    const reportCsv = await reader.request('GET', `/api/v1/exports/risk-by-area?operationId=${app.operationId}&format=csv`);
    expect(String(reportCsv.body).split('\n').find((l) => l.startsWith('D-S1,'))!.split(',')[1]).toBe(String(south));
    // And the next day (asked again): the same.
    expect((await aggregates(reader, 'view=risk_level&by=area&level=1')).rows.find((r) => r.key === 'G-S')!.total).toBe(south);
  });

  it('disaggregates by sex and age bracket, and filters', async () => {
    const bySex = await aggregates(reader, 'view=risk_level&by=sex');
    expect(bySex.rows.map((r) => r.key)).toEqual(['female', 'male', 'other', 'unknown']);
    near(bySex.rows[0]!.total, 15);
    near(bySex.rows[1]!.total, 9);
    expect([bySex.rows[2]!.total, bySex.rows[3]!.total]).toEqual([null, null]);
    const byAge = await aggregates(reader, 'view=risk_level&by=age_bracket');
    expect(byAge.rows.map((r) => r.key)).toEqual(['0-4', '5-11', '12-17', '18-59', '60+']);
    near(byAge.rows[0]!.total, 9);
    near(byAge.rows[3]!.total, 15);
    const children = await aggregates(reader, 'view=risk_level&by=sex&ageBracket=0-4');
    expect(children.rows[0]!.total).toBeNull();
    near(children.rows[1]!.total, 9);
    const south = await aggregates(reader, 'view=risk_level&by=sex&area=G-S');
    near(south.grandTotal, 9);
  });

  it('gives risk domains and trends, and one domain by level', async () => {
    const domains = await aggregates(reader, 'view=risk_domain&by=area&level=1');
    expect(domains.columns.length).toBe(12);
    expect(domains.rows.every((r) => r.total === null)).toBe(true);
    const trend = await aggregates(reader, 'view=trend');
    expect(trend.rows.map((r) => r.key)).toEqual([new Date().toISOString().slice(0, 7)]);
    near(trend.rows[0]!.total, 6);
    const one = await aggregates(reader, 'view=risk_domain&by=sex&domain=economic_survival');
    expect(one.columns.map((c) => c.key)).toEqual(['medium', 'high', 'critical']);
    const unknown = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&view=risk_domain&domain=nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ path: '/domain' }] });
  });

  it('follows the operation\'s own k (CTDC publishes with 11)', async () => {
    const bad = await admin.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/minCellCount' })] });
    expect((await analyst.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 11 })).status).toBe(403);
    expect((await admin.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 11 })).status).toBe(200);
    const table = await aggregates(reader, 'view=risk_level&by=area&level=1');
    expect(table.suppressionThreshold).toBe(11);
    // South's 9 people are under 11 now: withheld, or moved up to at least 11; never 9.
    const south = table.rows.find((r) => r.key === 'G-S')!.total;
    expect(south).not.toBe(9);
    near(south, 9, 11);
    expect((await admin.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 5 })).status).toBe(200);
  });

  it('is aggregates only: caseworkers are refused, bad queries are 400', async () => {
    expect((await caseworker.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}`)).status).toBe(403);
    const other = await analyst.request('GET', '/api/v1/population/aggregates?operationId=0190a4e0-0000-7000-8000-000000000000');
    expect(other.status).toBe(403);
    const bad = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&by=colour`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/by' })] });
    // PostgreSQL text cannot hold NUL: refused at the field, never a 500.
    const nul = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&area=%00`);
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ errors: [expect.objectContaining({ path: '/area' })] });
  });

  it('drills down to the people list of an area for those who may read people', async () => {
    const list = await caseworker.request('GET', '/api/v1/persons?adminAreaCode=D-N2');
    expect(list.status).toBe(200);
    expect((list.body as { total: number }).total).toBe(3);
  });

  it('takes a finer level whose codes nobody can carry yet, judged by where its shapes lie', async () => {
    // Last in the file: the person it places would change the counts the tests above check.
    // Once boundaries are loaded, people and sites may only name the operation's areas, so a
    // new finer level's codes are nobody's: lying inside the level above is what shows it fits.
    const inside = collection([{ code: 'N1-A', name: 'North One A', geometry: square(35.1, 34.6, 0.1) }]);
    const loaded = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 3, codeProperty: 'pcode', source: 'test sub-districts', geojson: inside });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    const areas = await admin.request('GET', `/api/v1/population/areas?operationId=${app.operationId}`);
    expect((areas.body as { areas: Array<{ code: string; parentCode: string | null }> }).areas.find((area) => area.code === 'N1-A')?.parentCode).toBe('D-N1');
    // A person may now be placed there.
    const placed = await admin.request('POST', '/api/v1/persons', { givenName: 'Sub', familyName: 'District', sex: 'female', birthYear: 1990, adminAreaCode: 'N1-A' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    // Shapes somewhere else fit nowhere: refused, nothing written.
    const before = await app.database.db.selectFrom('admin_areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const elsewhere = collection([{ code: 'X-1', name: 'Elsewhere', geometry: square(100, 10, 0.1) }]);
    const outside = await admin.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, { level: 3, codeProperty: 'pcode', source: 'x', geojson: elsewhere });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'boundary_areas_outside', errors: [{ path: '/geojson' }] });
    expect(await app.database.db.selectFrom('admin_areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });
});

describe('the shipped Lebanese boundaries', () => {
  it('read as valid GeoJSON, and every district finds its governorate', () => {
    const [adm1, adm2] = readShippedBoundaries('LBN');
    expect(adm1!.features).toHaveLength(9);
    expect(adm2!.features).toHaveLength(26);
    const parents = assignParents(adm2!.features, adm1!.features);
    const name = (code: string | null | undefined) => adm1!.features.find((f) => f.code === code)?.name;
    const district = (n: string) => adm2!.features.find((f) => f.name === n)!.code;
    expect([...parents.values()].every((p) => p !== null)).toBe(true);
    expect(name(parents.get('LBN-ADM2-6925839B61048204'))).toBe('Beyrouth');
    expect(name(parents.get(district('Zahle')))).toBe('Béqaa');
    expect(name(parents.get(district('Hermel')))).toBe('Baalbek-Hermel');
  });
});
