import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHxlHashtag } from '../src/exports/hxl';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Report {
  suppressionThreshold: number;
  areas: { adminAreaCode: string | null; total: number | null; byLevel: Record<string, number | null> }[];
}

const LEVELS = ['low', 'medium', 'high', 'critical', 'unscreened'];

/** The screen's report as the rows an export should carry: '' where a cell is withheld. */
const expectedRows = (report: Report) =>
  report.areas.map((area) => [area.adminAreaCode ?? '', area.total === null ? '' : String(area.total), ...LEVELS.map((level) => (area.byLevel[level] === null ? '' : String(area.byLevel[level])))]);

describe.each(databaseTargets())('aggregate exports on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let analyst: Client;
  let report: Report;

  /** The raw download, bytes and headers, as a browser or `curl` gets it. */
  const download = async (client: Client, path: string) => {
    const response = await fetch(app.url + path, { headers: { cookie: client.cookie! } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const exportEvents = async (outcome: 'allowed' | 'refused') =>
    app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'aggregate.export').where('outcome', '=', outcome).execute();

  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    const person = (area: string, n: number) => ({ givenName: `P${n}`, familyName: 'Test', sex: 'female', birthYear: 1990, adminAreaCode: area });
    for (let n = 0; n < 7; n++) expect((await caseworker.request('POST', '/api/v1/persons', person('AREA-BIG', n))).status).toBe(201);
    for (let n = 0; n < 2; n++) expect((await caseworker.request('POST', '/api/v1/persons', person('AREA-SMALL', n))).status).toBe(201);
    // Eight people, two screened (low): an export showing "8, unscreened 6" would give the 2 away.
    for (let n = 0; n < 8; n++) {
      const created = await caseworker.request('POST', '/api/v1/persons', person('AREA-MIXED', n));
      if (n < 2) {
        const id = (created.body as { id: string }).id;
        await giveConsent(caseworker, id);
        expect((await caseworker.request('POST', `/api/v1/persons/${id}/screenings`, { instrument: 'heightened-risk', responses: {} })).status).toBe(201);
      }
    }
    analyst = await app.as('analyst');
    // Analysts read the release (migration 0038): cut it as the daily schedule would.
    await app.release();
    const screen = await analyst.request('GET', '/api/v1/reports/risk-by-area');
    expect(screen.status).toBe(200);
    report = screen.body as Report;
  });
  afterAll(() => app.close());

  it('exports CSV with the same numbers as the screen, as a download, and audits who exported what', async () => {
    const before = (await exportEvents('allowed')).length;
    const response = await download(analyst, `/api/v1/exports/risk-by-area?format=csv&operationId=${app.operationId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="waymark-risk-by-area-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('x-waymark-export-rows')).toBe(String(report.areas.length));
    expect(response.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.bytes.toString('utf8')).toContain('\r\n');
    const [header, ...rows] = parseCsv(response.bytes, { bom: true }) as string[][];
    expect(header).toEqual(['Admin area code', 'People registered', 'Low risk', 'Medium risk', 'High risk', 'Critical risk', 'Not screened']);
    expect(rows).toEqual(expectedRows(report));

    const events = await exportEvents('allowed');
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.actor_id).toBe(analyst.userId);
    expect(event.operation_id).toBe(app.operationId);
    expect(event.details).toMatchObject({ view: 'risk-by-area', format: 'csv', rows: report.areas.length, k: 5, param_operationId: app.operationId });
  });

  it('exports HXL: a hashtag row under the header, valid hashtags, then the screen’s numbers', async () => {
    const response = await download(analyst, '/api/v1/exports/risk-by-area?format=hxl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.hxl\.csv"$/);
    // HXL tools read the header from the first byte: no byte-order mark.
    expect(response.bytes[0]).toBe('A'.charCodeAt(0));
    const [header, hashtags, ...rows] = parseCsv(response.bytes) as string[][];
    expect(header![0]).toBe('Admin area code');
    // The test areas say no admin level, so the column claims none (#loc), not a wrong #admN.
    expect(hashtags).toEqual(['#loc+code', '#population+ind+total', '#affected+ind+risk_low', '#affected+ind+risk_medium', '#affected+ind+risk_high', '#affected+ind+risk_critical', '#population+ind+unscreened']);
    expect(hashtags!.every(isHxlHashtag)).toBe(true);
    // Read the way an HXL tool does: by hashtag, not by position.
    const byTag = rows.map((row) => Object.fromEntries(hashtags!.map((tag, i) => [tag, row[i]])));
    const mixed = byTag.find((row) => row['#loc+code'] === 'AREA-MIXED')!;
    const screenMixed = report.areas.find((area) => area.adminAreaCode === 'AREA-MIXED')!;
    expect(mixed['#population+ind+total']).toBe(String(screenMixed.total));
    expect(mixed['#affected+ind+risk_low']).toBe(screenMixed.byLevel.low === null ? '' : String(screenMixed.byLevel.low));
    expect(rows).toEqual(expectedRows(report));
  });

  it('exports XLSX that a spreadsheet reads back: numbers as numbers, withheld cells empty, and an About sheet', async () => {
    const response = await download(analyst, '/api/v1/exports/risk-by-area?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data')!;
    const values: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      values.push(Array.from({ length: 7 }, (_, i) => (row.getCell(i + 1).value as string | number | null) ?? null));
    });
    expect(values[0]).toEqual(['Admin area code', 'People registered', 'Low risk', 'Medium risk', 'High risk', 'Critical risk', 'Not screened']);
    const asText = values.slice(1).map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    expect(asText).toEqual(expectedRows(report));
    const big = values.find((row) => row[0] === 'AREA-BIG')!;
    expect(typeof big[1]).toBe('number');
    const about = workbook.getWorksheet('About')!;
    const aboutText: string[] = [];
    about.eachRow((row) => aboutText.push(`${String(row.getCell(1).value)}=${String(row.getCell(2).value)}`));
    expect(aboutText).toContain('Suppression threshold (k)=5');
    // The method and its parameters travel with the file.
    expect(aboutText).toContain('Maximum perturbation (D)=2');
    expect(aboutText.some((line) => line.startsWith('Disclosure method=Cell-key perturbation'))).toBe(true);
    expect(aboutText.some((line) => line.startsWith('Error bound=|shown − true| ≤ 2'))).toBe(true);
    expect(response.headers.get('waymark-disclosure')).toBe('cell-key; k=5; D=2; uniform; unbiased');
  });

  it.each(['csv', 'hxl', 'xlsx'] as const)('never lets a count under k leave in %s', async (format) => {
    const response = await download(analyst, `/api/v1/exports/risk-by-area?format=${format}`);
    let rows: string[][];
    if (format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
      rows = [];
      workbook.getWorksheet('Data')!.eachRow((row, n) => {
        if (n > 1) rows.push(Array.from({ length: 7 }, (_, i) => String(row.getCell(i + 1).value ?? '')));
      });
    } else {
      rows = (parseCsv(response.bytes, { bom: true }) as string[][]).slice(format === 'hxl' ? 2 : 1);
    }
    const counts = rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== '').map(Number);
    expect(counts.every((n) => n >= 5)).toBe(true);
    // The true small values: 2 in AREA-SMALL; 2 screened in AREA-MIXED. Nobody is withheld too.
    // (AREA-SMALL is not in the release at all: fewer than k people changed there.)
    const small = rows.find((row) => row[0] === 'AREA-SMALL') ?? [];
    expect(small.slice(1).every((cell) => cell === '')).toBe(true);
    const mixed = rows.find((row) => row[0] === 'AREA-MIXED')!;
    expect(mixed.slice(1)).not.toContain('2');
    expect(mixed.slice(1)).not.toContain('0');
    // 8 people: shown within 2 of the truth (the cell-key method's bound).
    expect(Math.abs(Number(mixed[1]) - 8)).toBeLessThanOrEqual(2);
  });

  it('refuses a view the actor may not see with a 403 problem, audited as refused, nothing exported', async () => {
    const allowedBefore = (await exportEvents('allowed')).length;
    const refusedBefore = (await exportEvents('refused')).length;
    const response = await download(caseworker, '/api/v1/exports/risk-by-area?format=hxl');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(JSON.parse(response.bytes.toString('utf8'))).toMatchObject({ code: 'forbidden' });
    // An operation the analyst is not in: refused the same way.
    const other = await download(analyst, '/api/v1/exports/risk-by-area?format=csv&operationId=0190a4e0-0000-7000-8000-000000000000');
    expect(other.status).toBe(403);
    const refused = await exportEvents('refused');
    expect(refused).toHaveLength(refusedBefore + 2);
    expect(refused.at(-2)!.actor_id).toBe(caseworker.userId);
    expect(refused.at(-2)!.details).toMatchObject({ view: 'risk-by-area', format: 'hxl' });
    expect(refused.at(-1)!.actor_id).toBe(analyst.userId);
    expect(await exportEvents('allowed')).toHaveLength(allowedBefore);
  });

  it('answers an unknown view with 404 and bad parameters with 400 and the field path, exporting nothing', async () => {
    const allowedBefore = (await exportEvents('allowed')).length;
    const unknown = await analyst.request('GET', '/api/v1/exports/everyone-by-name?format=csv');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
    const cases: [string, string][] = [
      ['format=pdf', '/format'],
      ['format=csv&operationId=nope', '/operationId'],
      ['format=csv&groupBy=name', '/groupBy'],
    ];
    for (const [query, path] of cases) {
      const response = await analyst.request('GET', `/api/v1/exports/risk-by-area?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path })] });
    }
    expect(await exportEvents('allowed')).toHaveLength(allowedBefore);
  });
});
