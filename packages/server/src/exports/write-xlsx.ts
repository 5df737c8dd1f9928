import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { SYNTHETIC_NOTE, type ExportTable } from './aggregate-view';

/** Shown in the About sheet: what the file is, and why some cells are empty. */
export interface XlsxAbout {
  title: string;
  generatedAt: Date;
  parameters: Record<string, string>;
  /** Drawn from a synthetic demo operation: said first in the About sheet. */
  synthetic?: boolean;
}

const YIELD_EVERY = 500;

const WITHHELD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E5E5' } };

/**
 * A workbook written with exceljs's streaming writer: each row is committed (and leaves
 * memory) as soon as it is added. Counts are numbers, so the sheet sums and charts them;
 * a withheld cell is empty and shaded, and the About sheet says why.
 */
export async function writeXlsx(table: ExportTable, out: Writable, about: XlsxAbout, onRow?: (written: number) => void): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.created = about.generatedAt;
  const sheet = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ key: column.key, header: column.label, width: Math.max(12, column.label.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of table.rows) {
    const added = sheet.addRow([...row]);
    row.forEach((cell, index) => {
      if (cell === null) added.getCell(index + 1).fill = WITHHELD_FILL;
    });
    added.commit();
    onRow?.(++written);
    // Committed rows are compressed and piped out only when the loop lets the event loop
    // run; and a slow reader (a download on a poor link) holds the writer back.
    if (written % YIELD_EVERY === 0) {
      await (out.writableNeedDrain ? Promise.race([once(out, 'drain'), once(out, 'close')]) : nextTurn());
      // The reader went away (a cancelled download): stop rather than compress for nobody.
      if (out.destroyed) throw new Error('export reader closed before the end');
    }
  }
  if (table.footer) {
    const totals = sheet.addRow([...table.footer]);
    totals.font = { bold: true };
    table.footer.forEach((cell, index) => {
      if (cell === null) totals.getCell(index + 1).fill = WITHHELD_FILL;
    });
    totals.commit();
  }
  sheet.commit();

  const notes = workbook.addWorksheet('About');
  notes.columns = [{ key: 'name', width: 28 }, { key: 'value', width: 80 }];
  const line = (name: string, value: string) => notes.addRow([name, value]).commit();
  if (about.synthetic) line('SYNTHETIC DEMO DATA', SYNTHETIC_NOTE);
  line('Export', about.title);
  line('Generated', about.generatedAt.toISOString());
  for (const [name, value] of Object.entries(about.parameters)) line(`Parameter ${name}`, value);
  line('Suppression threshold (k)', String(table.suppressionThreshold));
  const method = table.disclosure;
  if (method) {
    line('Disclosure method', 'Cell-key perturbation (as the ABS TableBuilder and the 2021/2022 censuses of England and Wales and Germany)');
    line(
      'How counts were published',
      `Each person has a permanent random key; a count's key is the sum of its people's keys. Each count is moved by at most ${method.maxPerturbation} ` +
        `either way (each of −${method.maxPerturbation}…+${method.maxPerturbation} equally likely, so unbiased), read from that key: the same people give the same number in every table, export and day.`,
    );
    line('Maximum perturbation (D)', String(method.maxPerturbation));
    line('Error bound', `|shown − true| ≤ ${method.maxPerturbation}: within 10% at 20, 5% from 40, 1% from 200.`);
    line('Totals', 'Perturbed as counts of their own: rows and columns need not add up exactly to their totals.');
    line('Empty shaded cells', `Fewer than ${method.threshold} after perturbation (nobody included): never shown as a number.`);
  } else {
    line(
      'Empty shaded cells',
      `Withheld: fewer than ${table.suppressionThreshold} people, or a count from which such a number could be worked out.`,
    );
  }
  line('HXL hashtags', table.columns.map((column) => `${column.label}: ${column.hxl}`).join('; '));
  notes.commit();
  await workbook.commit();
}
