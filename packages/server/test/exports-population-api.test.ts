import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHxlHashtag } from '../src/exports/hxl';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Table {
  view: string;
  by: string;
  columns: { key: string; kind: string }[];
  rows: { key: string; name: string | null; rolledUp: string[]; cells: (number | null)[]; total: number | null }[];
}

const asText = (value: number | null) => (value === null ? '' : String(value));

/**
 * The population map's tables export as the screen shows them, whatever the view and the
 * dimension: each row's counts found in the file by hashtag equal the screen's.
 */
describe.each(databaseTargets())('population exports on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let analyst: Client;

  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    analyst = await app.as('analyst');
    const register = async (area: string, n: number, extra: Record<string, unknown> = {}) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `P${i}`, familyName: area, sex: 'female', birthYear: 1990, adminAreaCode: area, ...extra });
        expect(created.status).toBe(201);
        ids.push((created.body as { id: string }).id);
      }
      return ids;
    };
    const north = await register('D-N1', 12);
    await register('D-N2', 3);
    await register('D-S1', 9, { sex: 'male', birthYear: new Date().getUTCFullYear() - 2 });
    for (const id of north.slice(0, 6)) {
      await giveConsent(caseworker, id);
      expect((await caseworker.request('POST', `/api/v1/persons/${id}/screenings`, { instrument: 'heightened-risk', responses: {} })).status).toBe(201);
    }
  }, 240_000);
  afterAll(() => app.close());

  it.each(['view=risk_level&by=area', 'view=risk_level&by=sex', 'view=risk_level&by=age_bracket', 'view=risk_domain&by=area', 'view=trend'])(
    'exports %s with the numbers of the screen',
    async (query) => {
      const screen = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&${query}`);
      expect(screen.status, JSON.stringify(screen.body)).toBe(200);
      const table = screen.body as Table;
      const response = await fetch(`${app.url}/api/v1/exports/population?format=hxl&operationId=${app.operationId}&${query}`, { headers: { cookie: analyst.cookie! } });
      expect(response.status).toBe(200);
      const [, hashtags, ...rows] = parseCsv(await response.text()) as string[][];
      expect(hashtags!.every(isHxlHashtag), hashtags!.join(',')).toBe(true);
      expect(rows).toHaveLength(table.rows.length);
      // Count columns carry the screen column's key in their hashtag (risk_high, domain_…).
      const countIndex = table.columns.map((column) => hashtags!.findIndex((tag) => tag.endsWith(`_${column.key}`) || tag.endsWith(`+${column.key}`)));
      expect(countIndex.every((index) => index > 0), hashtags!.join(',')).toBe(true);
      const totalIndex = hashtags!.findIndex((tag) => tag === '#population+ind+total' || tag === '#indicator+num+screenings');
      table.rows.forEach((row, i) => {
        const file = rows[i]!;
        expect(file[0]).toBe(row.key);
        expect(countIndex.map((index) => file[index])).toEqual(row.cells.map(asText));
        if (totalIndex >= 0) expect(file[totalIndex]).toBe(asText(row.total));
      });
      // Nothing under k leaves, in any cell.
      const counts = rows.flatMap((row) => [...countIndex, ...(totalIndex >= 0 ? [totalIndex] : [])].map((index) => row[index]!)).filter((cell) => cell !== '');
      expect(counts.map(Number).every((n) => n === 0 || n >= 5)).toBe(true);
    },
  );

  it('writes the screen’s "All" row under the rows in CSV, and leaves it out of HXL', async () => {
    const query = 'view=risk_level&by=sex';
    const screen = (await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&${query}`)).body as Table & { columnTotals: (number | null)[]; grandTotal: number | null };
    const csv = await fetch(`${app.url}/api/v1/exports/population?format=csv&operationId=${app.operationId}&${query}`, { headers: { cookie: analyst.cookie! } });
    const rows = parseCsv(await csv.text(), { bom: true }) as string[][];
    expect(rows).toHaveLength(1 + screen.rows.length + 1);
    expect(rows.at(-1)).toEqual(['All', asText(screen.grandTotal), ...screen.columnTotals.map(asText), '']);
    const hxl = await fetch(`${app.url}/api/v1/exports/population?format=hxl&operationId=${app.operationId}&${query}`, { headers: { cookie: analyst.cookie! } });
    const tagged = parseCsv(await hxl.text()) as string[][];
    expect(tagged).toHaveLength(2 + screen.rows.length);
    expect(tagged.map((row) => row[0])).not.toContain('All');
  });

  it('refuses an operation the analyst is not in (403) and a bad dimension (400 at /by), exporting nothing', async () => {
    const other = await analyst.request('GET', '/api/v1/exports/population?format=csv&operationId=0190a4e0-0000-7000-8000-000000000000');
    expect(other.status).toBe(403);
    const bad = await analyst.request('GET', `/api/v1/exports/population?format=csv&operationId=${app.operationId}&by=name`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: '/by' })] });
    const missing = await analyst.request('GET', '/api/v1/exports/population?format=csv');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [expect.objectContaining({ path: '/operationId' })] });
  });
});
