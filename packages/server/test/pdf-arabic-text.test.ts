import { NAMING_TRADITIONS } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { createPdf } from '../src/pdf/pdf-writer';
import { visualRuns } from '../src/pdf/visual-runs';
import { pdfText } from './pdf-text';

// Every original-script name of the demo population's naming traditions (Arabic, Dari and
// Pashto in Perso-Arabic letters, Tigrinya in Ethiopic), and names built to hit the glyphs
// that share a body (ح خ ج, أ إ ا), lam-alef in its forms and the Persian letters.
const demoNames = Object.values(NAMING_TRADITIONS).flatMap((tradition) => [...tradition.male, ...tradition.female, ...tradition.family]).flatMap((name) => (name.script ? [name.script] : []));
const shapedNames = ['لارا خليل', 'علاء الدين', 'سلام الأحمد', 'فلاح', 'إسلام', 'آلاء', 'بلال', 'ملاك', 'الإمام', 'جلال خلف', 'حجاج', 'خالد جلال', 'أحمد إبراهيم', 'نجلاء', 'گلالی', 'پلوشه', 'صلاح الدين', 'عبد الله'];

describe('text copied out of a PDF', () => {
  it('gives the right letters of every Arabic-script name, lam-alef and shared glyph bodies included', async () => {
    const arabic = [...demoNames.filter((name) => /[\u0600-\u06ff]/.test(name)), ...shapedNames];
    expect(arabic.length).toBeGreaterThan(100);
    const pdf = createPdf('names');
    for (const name of arabic) pdf.line(name, 11);
    const lines = pdfText(await pdf.finish()).split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(lines).toEqual(arabic);
  });

  it('gives Arabic in reading order beside Latin on one line', async () => {
    const pdf = createPdf('mixed');
    pdf.line('Name: لارا خليل', 11);
    expect(pdfText(await pdf.finish())).toContain('لارا خليل');
  });

  it('draws every Ethiopic (Tigrinya) name with real glyphs, not empty boxes', async () => {
    const ethiopic = demoNames.filter((name) => /[\u1200-\u139f]/.test(name));
    expect(ethiopic.length).toBeGreaterThan(20);
    const pdf = createPdf('tigrinya');
    for (const name of ethiopic) pdf.line(name, 11);
    const bytes = await pdf.finish();
    // A glyph the fonts lack is drawn as .notdef, which maps to no letter: the text would come back short.
    const lines = pdfText(bytes).split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(lines).toEqual(ethiopic);
    expect(bytes.toString('latin1')).toMatch(/NotoSansEthiopic/);
  });

  it('lays punctuation and brackets of a right-to-left line out right to left, brackets mirrored', () => {
    const drawn = (text: string) => visualRuns(text).runs.map((run) => run.text);
    expect(drawn('الجنس: أنثى')).toEqual(['أنثى', ' :', 'الجنس']);
    expect(drawn('بواسطة supervisor (مشرف)')).toEqual(['(', 'مشرف', ') ', 'supervisor', ' ', 'بواسطة']);
    expect(drawn('Name: لارا خليل')).toEqual(['Name', ': ', 'خليل', ' ', 'لارا']);
  });
});
