import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../src/exports/aggregate-view';
import { areaCodeHashtag, isHxlHashtag } from '../src/exports/hxl';
import { AGGREGATE_VIEWS } from '../src/exports/registry';
import { writeCsv } from '../src/exports/write-csv';
import { writeXlsx } from '../src/exports/write-xlsx';

const ROWS = 30_000;

/** A large table: many areas, a withheld cell in every seventh row. */
const table: ExportTable = {
  columns: [
    { key: 'area', label: 'Area, with a comma', hxl: '#adm2+code' },
    { key: 'f', label: 'Women "and" girls', hxl: '#affected+f' },
    { key: 'm', label: 'Men and boys', hxl: '#affected+m' },
  ],
  rows: Array.from({ length: ROWS }, (_, i) => [`A-${i}`, i % 7 === 0 ? null : 5 + (i % 50), 10 + (i % 3)]),
  suppressionThreshold: 5,
  operationId: null,
};

/** A slow reader: it records how many rows the writer had produced when each chunk arrived. */
function slowSink(rowsSoFar: () => number) {
  const chunks: Buffer[] = [];
  const seenAt: number[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      seenAt.push(rowsSoFar());
      setImmediate(done);
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks), seenAt };
}

describe('export writers', () => {
  it('stream CSV with backpressure: bytes leave before the last row is written, and every row arrives once', async () => {
    let rows = 0;
    const { sink, bytes, seenAt } = slowSink(() => rows);
    await writeCsv(table, sink, { hxl: false, onRow: (n) => (rows = n) });
    expect(rows).toBe(ROWS);
    expect(seenAt[0]).toBeLessThan(ROWS);
    const [header, ...data] = parseCsv(bytes(), { bom: true }) as string[][];
    // RFC 4180 quoting: the comma and the quotes in headers survive the round trip.
    expect(header).toEqual(['Area, with a comma', 'Women "and" girls', 'Men and boys']);
    expect(data).toHaveLength(ROWS);
    expect(data[7]).toEqual(['A-7', '', '11']);
    expect(data[8]).toEqual(['A-8', '13', '12']);
  });

  it('stream HXL with the hashtag row second and no byte-order mark', async () => {
    const { sink, bytes } = slowSink(() => 0);
    await writeCsv(table, sink, { hxl: true });
    const text = bytes().toString('utf8');
    expect(text.startsWith('"Area, with a comma"')).toBe(true);
    const [, hashtags, first] = parseCsv(bytes()) as string[][];
    expect(hashtags).toEqual(['#adm2+code', '#affected+f', '#affected+m']);
    expect(first).toEqual(['A-0', '', '10']);
  });

  it('stream XLSX row by row: the zip leaves before the last row, and exceljs reads every row back', async () => {
    let rows = 0;
    const { sink, bytes, seenAt } = slowSink(() => rows);
    await writeXlsx(table, sink, { title: 'Test', generatedAt: new Date('2026-01-02T03:04:05Z'), parameters: { operationId: 'x' } }, (n) => (rows = n));
    expect(seenAt[0]).toBeLessThan(ROWS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes() as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data')!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    expect(sheet.getRow(9).values).toEqual([undefined, 'A-7', undefined, 11]);
    expect(sheet.getRow(10).getCell(2).value).toBe(13);
  });

  it('write a totals row under the rows in CSV and XLSX, never in HXL', async () => {
    const small: ExportTable = { ...table, rows: table.rows.slice(0, 3), footer: ['All', null, 33] };
    const csv = slowSink(() => 0);
    await writeCsv(small, csv.sink, { hxl: false });
    expect((parseCsv(csv.bytes(), { bom: true }) as string[][]).at(-1)).toEqual(['All', '', '33']);
    const hxl = slowSink(() => 0);
    await writeCsv(small, hxl.sink, { hxl: true });
    expect(parseCsv(hxl.bytes()) as string[][]).toHaveLength(2 + 3);
    const xlsx = slowSink(() => 0);
    await writeXlsx(small, xlsx.sink, { title: 'Test', generatedAt: new Date(), parameters: {} });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes() as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Data')!.getRow(5).values).toEqual([undefined, 'All', undefined, 33]);
  });

  it('tag area codes with the level they say, and claim none when they do not', () => {
    expect(areaCodeHashtag(['LBN-ADM2-1', 'LBN-ADM2-2', null])).toBe('#adm2+code');
    expect(areaCodeHashtag(['LBN-ADM1-1'])).toBe('#adm1+code');
    expect(areaCodeHashtag(['LBN-ADM1-1', 'LBN-ADM2-2'])).toBe('#loc+code');
    expect(areaCodeHashtag(['AREA-BIG'])).toBe('#loc+code');
    expect(isHxlHashtag('#affected+f+children')).toBe(true);
    expect(isHxlHashtag('#Affected')).toBe(false);
    expect(isHxlHashtag('#affected+')).toBe(false);
    expect(isHxlHashtag('affected')).toBe(false);
  });

  it('register views with unique ids, a verb and strict parameters', () => {
    const ids = AGGREGATE_VIEWS.map((view) => view.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const view of AGGREGATE_VIEWS) {
      expect(view.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(view.verb).toBeTruthy();
      // An unknown parameter is refused, never ignored.
      expect(view.params.safeParse({ surelyNotAParameter: '1' }).success, view.id).toBe(false);
    }
  });
});
