import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHxlHashtag } from '../src/exports/hxl';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const INFORMANT = 'Samira Export-Canary';
interface Table {
  columns: { key: string; hxl: string }[];
  rows: (string | number | null)[][];
}
/** The screen's table as an HXL file carries it: '' where withheld. */
const asFileRows = (table: Table) => table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));

/**
 * The views other parts of Waymark register for export (labour layer, programme coverage):
 * the file carries the table the screen's endpoint answers, under the same checks.
 */
describe.each(databaseTargets())('exports of the labour and programme views on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let supervisor: Client;
  let analyst: Client;
  let programmeId: string;

  const hxl = async (client: Client, path: string) => {
    const response = await fetch(app.url + path, { headers: { cookie: client.cookie! } });
    const text = await response.text();
    return { status: response.status, text, rows: response.status === 200 ? (parseCsv(text) as string[][]) : [] };
  };

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    analyst = await app.as('analyst');
    // Six farms in one area, five with ILO indicators reported (one by a named informant); one building site elsewhere.
    for (let n = 0; n < 6; n++) {
      const farm = await caseworker.request('POST', '/api/v1/workplaces', { name: `Greenhouse ${n}`, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-L' });
      expect(farm.status).toBe(201);
      if (n < 5) {
        const report = { sourceType: 'community_informant', reportedOn: '2026-06-01', indicators: ['excessive_overtime'], ...(n === 0 ? { informantName: INFORMANT } : {}) };
        expect((await caseworker.request('POST', `/api/v1/workplaces/${(farm.body as { id: string }).id}/reports`, report)).status).toBe(201);
      }
    }
    expect((await caseworker.request('POST', '/api/v1/workplaces', { name: 'Tower block', sector: 'F_Construction', adminAreaCode: 'AREA-M' })).status).toBe(201);
    // Seven women in AREA-A: a programme for women there has seven in need.
    for (let n = 0; n < 7; n++) {
      const person = { givenName: `W${n}`, familyName: 'Export', sex: 'female', birthYear: 1990, setting: 'urban', adminAreaCode: 'AREA-A' };
      expect((await caseworker.request('POST', '/api/v1/persons', person)).status).toBe(201);
    }
    const programme = await supervisor.request('POST', '/api/v1/programmes', {
      name: 'Women at risk, AREA-A',
      kind: 'livelihoods',
      rule: { all: [{ field: 'sex', op: 'in', values: ['female'] }] },
      adminAreaCodes: ['AREA-A'],
      capacity: 20,
    });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    programmeId = (programme.body as { id: string }).id;
    // Analysts read the release: cut once, as the daily schedule would.
    await app.release();
  }, 240_000);
  afterAll(() => app.close());

  it('exports the labour layer as on screen: hashtags valid, small counts withheld, no informant', async () => {
    const screen = await analyst.request('GET', '/api/v1/reports/labour-by-area');
    expect(screen.status).toBe(200);
    const table = (screen.body as { table: Table }).table;
    const file = await hxl(analyst, '/api/v1/exports/labour-by-area?format=hxl');
    expect(file.status).toBe(200);
    const [, hashtags, ...rows] = file.rows;
    expect(hashtags).toEqual(table.columns.map((column) => column.hxl));
    expect(hashtags!.every(isHxlHashtag)).toBe(true);
    expect(rows).toEqual(asFileRows(table));
    const byTag = (code: string, tag: string) => rows.find((row) => row[0] === code)![hashtags!.indexOf(tag)];
    // By the cell-key method: within 2 of the truth and at least k, or withheld.
    const near = (cell: string | undefined, truth: number) => (cell === '' ? expect(truth).toBeLessThan(7) : expect(Math.abs(Number(cell) - truth)).toBeLessThanOrEqual(2));
    near(byTag('AREA-L', '#indicator+num+workplaces+exploitation'), 5);
    near(byTag('AREA-L', '#indicator+num+workplaces'), 6);
    // One building site: fewer than k workplaces changed in AREA-M, so the release has no row for it.
    expect(rows.map((row) => row[0])).toEqual(['AREA-L']);
    const counts = rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== '').map(Number);
    expect(counts.every((n) => n >= 5)).toBe(true);
    expect(file.text).not.toContain('Samira');
    // The method and its parameters travel with the file, as with the population's.
    const csv = await fetch(`${app.url}/api/v1/exports/labour-by-area?format=csv`, { headers: { cookie: analyst.cookie! } });
    expect(csv.headers.get('waymark-disclosure')).toBe('cell-key; k=5; D=2; uniform; unbiased');
    for (const path of ['/api/v1/exports/labour-by-area?format=xlsx', `/api/v1/exports/programme-coverage?format=xlsx&programmeId=${programmeId}`]) {
      const xlsx = await fetch(app.url + path, { headers: { cookie: analyst.cookie! } });
      expect(xlsx.status, path).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
      const about: string[] = [];
      workbook.getWorksheet('About')!.eachRow((row) => about.push(`${String(row.getCell(1).value)}=${String(row.getCell(2).value)}`));
      expect(about.some((line) => line.startsWith('Disclosure method=Cell-key perturbation')), path).toBe(true);
      expect(about, path).toContain('Maximum perturbation (D)=2');
    }
  });

  it('exports a programme’s coverage with #inneed, #targeted and #reached, as on screen', async () => {
    const screen = await analyst.request('GET', `/api/v1/programmes/${programmeId}/coverage`);
    expect(screen.status).toBe(200);
    const table = (screen.body as { table: Table }).table;
    const file = await hxl(analyst, `/api/v1/exports/programme-coverage?format=hxl&programmeId=${programmeId}`);
    expect(file.status).toBe(200);
    const [, hashtags, ...rows] = file.rows;
    expect(hashtags).toEqual(['#loc+code', '#group+sex', '#group+age_bracket', '#inneed', '#targeted', '#reached']);
    expect(rows).toEqual(asFileRows(table));
    // Seven in need shown within 2 (the cell-key bound); nobody enrolled or reached is withheld like any small count.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['AREA-A', 'female', '18-59']);
    expect(Math.abs(Number(rows[0]![3]) - 7)).toBeLessThanOrEqual(2);
    expect(rows[0]!.slice(4)).toEqual(['', '']);
  });

  it('exports coverage by area as the coverage table shows it: counts, whole percentage, gap', async () => {
    const screen = (await analyst.request('GET', `/api/v1/programmes/${programmeId}/coverage`)).body as {
      areas: { adminAreaCode: string; inNeed: number | null; targeted: number | null; reached: number | null; coverage: number | null; gap: boolean | null }[];
    };
    const file = await hxl(analyst, `/api/v1/exports/programme-coverage?format=hxl&by=area&programmeId=${programmeId}`);
    expect(file.status).toBe(200);
    const [, hashtags, ...rows] = file.rows;
    expect(hashtags).toEqual(['#loc+code', '#inneed', '#targeted', '#reached', '#reached+pct', '#meta+gap']);
    expect(rows).toEqual(
      screen.areas.map((area) => [area.adminAreaCode, String(area.inNeed ?? ''), String(area.targeted ?? ''), String(area.reached ?? ''), area.coverage === null ? '' : String(Math.round(area.coverage * 100)), area.gap === null ? '' : area.gap ? 'yes' : 'no']),
    );
    // Seven in need, nobody reached yet: reached is withheld (nobody is a small count), so
    // coverage and the gap cannot be told from what is shown, and are left empty.
    expect(rows).toHaveLength(1);
    expect(Math.abs(Number(rows[0]![1]) - 7)).toBeLessThanOrEqual(2);
    expect(rows[0]!.slice(2)).toEqual(['', '', '', '']);
  });

  it('refuses programme coverage to a role without programme.read (403, audited), and checks its parameters', async () => {
    const auditor = await app.as('auditor');
    const refused = await hxl(auditor, `/api/v1/exports/programme-coverage?format=csv&programmeId=${programmeId}`);
    expect(refused.status).toBe(403);
    const audited = await app.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'aggregate.export')
      .where('outcome', '=', 'refused')
      .where('actor_id', '=', auditor.userId!)
      .execute();
    expect(audited.map((row) => row.details)).toEqual([{ view: 'programme-coverage', format: 'csv' }]);

    const missing = await analyst.request('GET', '/api/v1/exports/programme-coverage?format=csv');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: '/programmeId' })] });
    const unknown = await analyst.request('GET', '/api/v1/exports/programme-coverage?format=csv&programmeId=0190a4e0-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });
});
