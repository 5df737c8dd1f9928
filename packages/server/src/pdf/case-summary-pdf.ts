import type { CaseSummary } from '../use-cases/cases/case-summary';
import { writeBestInterests, writeCase } from './case-sections-pdf';
import { createPdf, SCRIPT_NOTE } from './pdf-writer';

/** The printable case summary: only what the presenters gave this reader. */
export async function renderCaseSummaryPdf(summary: CaseSummary, options: { synthetic?: boolean } = {}): Promise<Buffer> {
  const pdf = createPdf(`Waymark case summary ${summary.printed.id}`, options);
  pdf.line('Protection case summary', 18);
  pdf.line(`Generated ${summary.generatedAt} by ${summary.generatedByRole} ${summary.generatedBy}`, 9);
  pdf.line('Confidential. Printed for the work on this case only; what the reader may not see is marked as withheld.', 9);
  pdf.line(SCRIPT_NOTE, 8);

  pdf.heading('Person');
  const person = summary.person;
  if (person) {
    pdf.field('Name', `${person.givenName ?? ''} ${person.familyName ?? ''}`.trim());
    if (person.originalScriptName) pdf.line(person.originalScriptName, 12);
    pdf.field('Sex', person.sex);
    pdf.field('Date of birth', person.dateOfBirth ?? person.birthYear);
    pdf.field('Age', person.age);
    pdf.field('Nationality', person.nationality);
    pdf.field('Languages', person.languages);
    pdf.field('Legal status', person.legalStatus);
    pdf.field('Care situation', person.careSituation);
    pdf.field('Risk level', person.riskLevel);
  } else pdf.line(summary.printed.householdId ? `Household ${summary.printed.householdId}` : "Withheld: outside the reader's role.");

  pdf.heading('Case');
  writeCase(pdf, summary.printed, { traffickingShown: summary.traffickingShown });

  if (summary.bestInterests) {
    pdf.heading("Children's best interests");
    writeBestInterests(pdf, summary.bestInterests);
  }
  return pdf.finish();
}
