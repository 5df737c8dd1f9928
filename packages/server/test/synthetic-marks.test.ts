import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { pdfText } from './pdf-text';
import { startTestApp, type Client, type TestApp } from './test-app';

const SYNTHETIC_LINE = /SYNTHETIC DEMO DATA/;

/**
 * A synthetic demo operation says so in everything that leaves the server: the session (the
 * web app's banner), every export format and every PDF. The same documents of a real
 * operation say nothing of the kind.
 */
describe.each(databaseTargets())('synthetic demo operations marked on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let analyst: Client;
  let caseId: string;
  let personId: string;

  const setSynthetic = (synthetic: boolean) => app.database.db.updateTable('operations').set({ synthetic }).where('id', '=', app.operationId).execute();
  const download = async (client: Client, path: string) => {
    const response = await fetch(app.url + path, { headers: { cookie: client.cookie! } });
    expect(response.status, path).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    analyst = await app.as('analyst');
    for (let n = 0; n < 6; n++) {
      const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `P${n}`, familyName: 'Demo', sex: 'female', birthYear: 1990, adminAreaCode: 'AREA-1' });
      personId = (created.body as { id: string }).id;
    }
    await giveConsent(caseworker, personId);
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: { sg_sexual_violence: 'yes_last_72_hours', mms_used_smuggler: 'yes' } });
    const opened = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: (screened.body as { id: string }).id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = (opened.body as { id: string }).id;
  });
  afterAll(() => app.close());

  it.each([true, false])('synthetic = %s: the session, CSV, HXL, XLSX and the case summary PDF say so exactly when it is', async (synthetic) => {
    await setSynthetic(synthetic);
    const session = (await caseworker.request('GET', '/api/v1/sessions/current')).body as { operations: { id: string; synthetic: boolean }[] };
    expect(session.operations.find((operation) => operation.id === app.operationId)?.synthetic).toBe(synthetic);

    const csv = parseCsv((await download(analyst, `/api/v1/exports/risk-by-area?format=csv&operationId=${app.operationId}`)).toString('utf8'), { bom: true }) as string[][];
    expect(csv[0]![0] === 'Data', 'CSV first column').toBe(synthetic);
    if (synthetic) expect(csv.slice(1).every((row) => row[0] === 'synthetic demo')).toBe(true);

    const hxl = parseCsv((await download(analyst, `/api/v1/exports/risk-by-area?format=hxl&operationId=${app.operationId}`)).toString('utf8'), { bom: true }) as string[][];
    expect(hxl[1]![0] === '#meta+synthetic', 'HXL hashtag').toBe(synthetic);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(analyst, `/api/v1/exports/risk-by-area?format=xlsx&operationId=${app.operationId}`)) as unknown as ArrayBuffer);
    const about: string[] = [];
    workbook.getWorksheet('About')!.eachRow((row) => about.push(String(row.getCell(1).value)));
    expect(about.some((line) => SYNTHETIC_LINE.test(line))).toBe(synthetic);

    const pdf = pdfText(await download(caseworker, `/api/v1/cases/${caseId}/summary.pdf`)).replace(/\s+/g, ' ');
    expect(SYNTHETIC_LINE.test(pdf), 'case summary PDF').toBe(synthetic);
  });
});
