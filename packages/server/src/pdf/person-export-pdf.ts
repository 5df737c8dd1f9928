import type { PersonExport } from '@waymark/contracts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { visualRuns, type FontSlot } from './visual-runs';

const require = createRequire(import.meta.url);

// Noto Sans and Noto Sans Arabic (SIL Open Font License 1.1, docs/ATTRIBUTIONS.md), from
// the Fontsource packages: subsets by script, so only what a page uses is embedded.
const FONT_FILES: Record<FontSlot, string> = {
  latin: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  latinExt: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff',
  arabic: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
};
let fonts: Record<FontSlot, Buffer> | undefined;
function loadFonts(): Record<FontSlot, Buffer> {
  fonts ??= {
    latin: readFileSync(require.resolve(FONT_FILES.latin)),
    latinExt: readFileSync(require.resolve(FONT_FILES.latinExt)),
    arabic: readFileSync(require.resolve(FONT_FILES.arabic)),
  };
  return fonts;
}

const SCRIPT_NOTE =
  'Arabic is shaped (joined letter forms) by the font engine and ordered right to left per line. Mixed Arabic and ' +
  'Latin text on one line uses a simplified bidirectional order; the JSON export holds the exact text.';

/** The subject access export as a readable document: the same content as the JSON. */
export async function renderPersonExportPdf(document: PersonExport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Waymark subject access export ${document.person.id}`, Producer: 'Waymark' } });
  for (const [slot, data] of Object.entries(loadFonts())) doc.registerFont(slot, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const line = (text: string, size = 10) => layoutLine(doc, text.length > 0 ? text : ' ', size);
  const heading = (text: string) => {
    doc.moveDown(0.6);
    line(text, 14);
    doc.moveDown(0.2);
  };
  const field = (label: string, value: unknown) => line(`${label}: ${show(value)}`);

  line('Subject access export', 18);
  line(`Person ${document.person.id}`, 11);
  line(`Generated ${document.header.generatedAt} by ${document.header.generatedByRole} ${document.header.generatedBy}`, 9);
  if (document.header.anonymised) line('This person has been anonymised: names and identifiers were removed.', 11);
  doc.moveDown(0.4);
  line(document.header.note, 9);
  line(SCRIPT_NOTE, 9);
  heading(document.header.complete ? 'Nothing withheld' : 'Withheld from this export');
  for (const item of document.header.withheld) line(`${item.section}: ${item.count} (${item.reason === 'clearance' ? "outside the reader's clearance" : 'encryption key unavailable'})`);

  heading('Person');
  const person = document.person;
  field('Given name', person.givenName);
  field('Family name', person.familyName);
  // Alone on its line, so it takes the line's direction from its own script.
  if (person.originalScriptName) line(person.originalScriptName, 12);
  for (const [label, value] of [
    ['Other names', person.otherNames],
    ['Sex', person.sex],
    ['Date of birth', person.dateOfBirth],
    ['Birth year', person.birthYear],
    ['Age bracket', person.ageBracket],
    ['Nationality', person.nationality],
    ['Languages', person.languages],
    ['Setting', person.setting],
    ['Admin area', person.adminAreaCode],
    ['Legal status', person.legalStatus],
    ['Documents', person.documents],
    ['Arrival date', person.arrivalDate],
    ['Care situation', person.careSituation],
    ['Risk level', person.riskLevel],
    ['Registered', person.createdAt],
    ['Last changed', person.updatedAt],
    ['Anonymised', person.anonymisedAt],
  ] as const) {
    field(label, value);
  }

  heading('Household');
  if (document.household) {
    field('Household', document.household.id);
    field('Relationship to head', document.household.isHead ? 'head' : document.household.relationshipToHead);
    field('Members', document.household.memberCount);
  } else line('Not in a household.');

  heading(`Screenings (${document.screenings.length})`);
  for (const screening of document.screenings) {
    line(`${screening.screenedAt}: risk ${screening.riskLevel}`, 11);
    const levels = screening.domains.filter((domain) => domain.level !== 'low').map((domain) => `${domain.domain} ${domain.level}`);
    if (levels.length > 0) line(`Domains: ${levels.join(', ')}`, 9);
    const answers = Object.entries(screening.responses);
    if (answers.length > 0) line(`Answers: ${answers.map(([item, value]) => `${item} = ${show(value)}`).join('; ')}`, 9);
    for (const withheld of screening.withheld) line(`Withheld: ${withheld.domain} (${withheld.answers} answers)`, 9);
  }

  heading(`Protection notes (${document.protectionNotes.length})`);
  for (const note of document.protectionNotes) {
    if (note.restricted) line(`${note.topic}: withheld (last changed ${note.updatedAt})`);
    else {
      line(`${note.topic} (last changed ${note.updatedAt})`, 11);
      for (const paragraph of note.body.split(/\r?\n/)) line(paragraph, 10);
    }
  }

  heading(`Consent decisions (${document.consents.length})`);
  for (const consent of document.consents) {
    line(`${consent.effectiveAt}: ${consent.purpose} ${consent.decision} (${consent.method}, by ${consent.givenBy}${consent.carerRelationship ? ` - ${consent.carerRelationship}` : ''})`);
  }

  heading(`Who accessed or changed this record (${document.audit.length})`);
  for (const entry of document.audit) {
    line(`${entry.at}  ${entry.action}  ${entry.actorRole ?? 'system'} ${entry.actorId ?? ''}${entry.outcome === 'refused' ? '  (refused)' : ''}`, 8);
  }

  doc.end();
  return finished;
}

type Doc = InstanceType<typeof PDFDocument>;

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
      doc.font(run.font).fontSize(size).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(run.text);
    }
    doc.x = left;
    doc.y = baseline - size * 1.1 + leading;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
