import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { visualRuns, type FontSlot } from './visual-runs';

const require = createRequire(import.meta.url);

// Noto Sans, Noto Sans Arabic and Noto Sans Ethiopic (SIL Open Font License 1.1,
// docs/ATTRIBUTIONS.md), from the Fontsource packages: subsets by script, so only what a
// page uses is embedded. Every script of the demo population has its font: Latin (with
// accents), Arabic (and Dari/Pashto letters), Ethiopic (Tigrinya names).
const FONT_FILES: Record<FontSlot, string> = {
  latin: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  latinExt: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff',
  arabic: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
  ethiopic: '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff',
};
let fonts: Record<FontSlot, Buffer> | undefined;
function loadFonts(): Record<FontSlot, Buffer> {
  fonts ??= Object.fromEntries(Object.entries(FONT_FILES).map(([slot, file]) => [slot, readFileSync(require.resolve(file))])) as Record<FontSlot, Buffer>;
  return fonts;
}

export interface PdfWriter {
  /** One paragraph, wrapped; Arabic shaped and right-aligned. */
  line(text: string, size?: number): void;
  heading(text: string): void;
  field(label: string, value: unknown): void;
  space(lines: number): void;
  /** Ends the document and gives its bytes. */
  finish(): Promise<Buffer>;
}

type Doc = InstanceType<typeof PDFDocument>;

/** An A4 document with the Noto fonts registered, written line by line. */
export function createPdf(title: string): PdfWriter {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'Waymark' } });
  for (const [slot, data] of Object.entries(loadFonts())) doc.registerFont(slot, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const line = (text: string, size = 10) => layoutLine(doc, text.length > 0 ? text : ' ', size);
  return {
    line,
    heading(text) {
      doc.moveDown(0.6);
      line(text, 14);
      doc.moveDown(0.2);
    },
    field: (label, value) => line(`${label}: ${show(value)}`),
    space: (lines) => void doc.moveDown(lines),
    finish() {
      doc.end();
      return finished;
    },
  };
}

/**
 * One paragraph, wrapped at word boundaries and drawn run by run at measured positions on
 * a shared baseline: pdfkit's own `continued` text cannot mix fonts, directions and
 * right alignment on one line. Right-to-left lines are aligned right.
 */
function layoutLine(doc: Doc, text: string, size: number): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const widthOf = (candidate: string) => {
    let total = 0;
    for (const run of visualRuns(candidate).runs) total += doc.font(run.font).fontSize(size).widthOfString(run.text);
    return total;
  };
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (current !== '' && widthOf(current + word) > right - left) {
      lines.push(current.trimEnd());
      current = word;
    } else current += word;
  }
  lines.push(current);
  const leading = size * 1.45;
  for (const content of lines) {
    if (doc.y + leading > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const baseline = doc.y + size * 1.1;
    const { rtl, runs } = visualRuns(content);
    let x = rtl ? right - widthOf(content) : left;
    for (const run of runs) {
      // Arabic glyphs are shaped: a letter may be a body shared with other letters plus
      // dots (Noto draws خ as the body of ح with a dot; alef forms share one glyph), so the
      // font's glyph-to-letter map (ToUnicode) cannot give the letters back. The run's
      // letters go with it as ActualText, which readers copy instead of the glyphs. In the
      // order of the glyphs (left to right): poppler and PDFium spread ActualText over the
      // run's width and reorder a right-to-left line as they do glyphs (pdf-arabic-text.test.ts).
      if (run.font === 'arabic') doc.markContent('Span', { actual: [...run.text].reverse().join('') });
      doc.font(run.font).fontSize(size).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      if (run.font === 'arabic') doc.endMarkedContent();
      x += doc.widthOfString(run.text);
    }
    doc.x = left;
    doc.y = baseline - size * 1.1 + leading;
  }
}

export function show(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
