import type { CaseSummary } from '../use-cases/cases/case-summary';
import { writeBestInterests, writeCase, type Print } from './case-sections-pdf';
import { createPdf } from './pdf-writer';
import { writeSolutions } from './solutions-pdf';
import { wordsFor } from './words';

/** The printable case summary: only what the presenters gave this reader, in their language and on their clock. */
export async function renderCaseSummaryPdf(summary: CaseSummary): Promise<Buffer> {
  const words = wordsFor(summary.print);
  const print: Print = { words, names: summary.names };
  const { t, label, date } = words;
  const pdf = createPdf(`Waymark case summary ${summary.printed.id}`, { synthetic: summary.synthetic === true });
  pdf.line(t('pdf.caseSummaryTitle'), 18);
  pdf.line(t('pdf.generated', { at: words.dateTime(summary.generatedAt), name: print.names.get(summary.generatedBy) ?? '-', role: label('role', summary.generatedByRole) }), 9);
  pdf.line(t('pdf.confidential'), 9);
  pdf.line(t('pdf.scriptNote'), 8);

  pdf.heading(t('pdf.person'));
  const person = summary.person;
  if (person) {
    pdf.field(t('pdf.field.name'), `${person.givenName ?? ''} ${person.familyName ?? ''}`.trim());
    if (person.originalScriptName) pdf.line(person.originalScriptName, 12);
    pdf.field(t('pdf.field.sex'), label('sex', person.sex));
    pdf.field(t('pdf.field.dateOfBirth'), person.dateOfBirth ? date(person.dateOfBirth) : person.birthYear);
    pdf.field(t('pdf.field.age'), person.age);
    pdf.field(t('pdf.field.nationality'), label('nationality', person.nationality));
    pdf.field(t('pdf.field.languages'), words.labels('spokenLanguage', person.languages));
    pdf.field(t('pdf.field.legalStatus'), label('legalStatus', person.legalStatus));
    pdf.field(t('pdf.field.careSituation'), label('careSituation', person.careSituation));
    pdf.field(t('pdf.field.riskLevel'), label('risk', person.riskLevel));
  } else pdf.line(summary.printed.householdId ? t('pdf.household', { id: summary.printed.householdId }) : t('pdf.personWithheld'));

  pdf.heading(t('pdf.case'));
  writeCase(pdf, print, summary.printed, { traffickingShown: summary.traffickingShown });

  if (summary.solutions) {
    pdf.heading(t('pdf.durableSolutions'));
    writeSolutions(pdf, print, summary.solutions);
  }
  if (summary.bestInterests) {
    pdf.heading(t('pdf.bestInterests'));
    writeBestInterests(pdf, print, summary.bestInterests);
  }
  return pdf.finish();
}
