import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ExportTable } from './aggregate-view';
import { neutraliseCell } from './neutralise-formula';

/**
 * RFC 4180 CSV (CRLF, quoted where needed), streamed row by row with backpressure.
 * `hxl` adds the hashtag row under the header (HXL's only rule for a CSV); a withheld
 * cell is an empty field in both, never its value. Plain CSV starts with a byte-order
 * mark so spreadsheet programs read Arabic names of places as UTF-8; HXL does not, as
 * HXL tools expect the header on the first byte. Every text cell, header included, is
 * neutralised against formula injection (area codes and names come from uploaded files).
 */
export async function writeCsv(table: ExportTable, out: Writable, options: { hxl: boolean; onRow?: (written: number) => void }): Promise<void> {
  const csv = stringify({ bom: !options.hxl, record_delimiter: 'windows', cast: { number: (value) => String(value) } });
  const done = pipeline(csv, out);
  const write = async (record: readonly unknown[]) => {
    if (!csv.write(record.map(neutraliseCell))) await Promise.race([once(csv, 'drain'), done]);
  };
  await write(table.columns.map((column) => column.label));
  if (options.hxl) await write(table.columns.map((column) => column.hxl));
  let written = 0;
  for (const row of table.rows) {
    await write(row.map((cell) => cell ?? ''));
    options.onRow?.(++written);
  }
  if (table.footer && !options.hxl) await write(table.footer.map((cell) => cell ?? ''));
  csv.end();
  await done;
}
