import type { ReferralForm } from '../use-cases/cases/referral-form';
import { createPdf, SCRIPT_NOTE } from './pdf-writer';

/**
 * The referral form: who is referred, to whom, why, and on what consent. Only the
 * identifying details and the reason travel; notes, screening answers, trafficking
 * findings and a child's words do not (the form says so, for the receiving agency).
 */
export async function renderReferralFormPdf(form: ReferralForm, options: { synthetic?: boolean } = {}): Promise<Buffer> {
  const pdf = createPdf(`Waymark referral ${form.taskId}`, options);
  pdf.line('Referral form', 18);
  pdf.line(`Generated ${form.generatedAt} by ${form.generatedByRole} ${form.generatedBy}`, 9);
  pdf.line(SCRIPT_NOTE, 8);

  pdf.heading('To');
  pdf.field('Receiving agency', form.agency.name);
  pdf.field('Kind', form.agency.kind);

  pdf.heading('Reason for referral');
  pdf.line(form.reason, 11);
  pdf.field('Case priority', form.casePriority);
  pdf.field('Needed by', form.dueDate);
  if (form.traffickingOutcome) pdf.field('Trafficking assessment outcome', form.traffickingOutcome);

  pdf.heading('Person referred');
  pdf.field('Name', `${form.person.givenName ?? ''} ${form.person.familyName ?? ''}`.trim());
  if (form.person.originalScriptName) pdf.line(form.person.originalScriptName, 12);
  pdf.field('Sex', form.person.sex);
  pdf.field('Date of birth', form.person.dateOfBirth ?? form.person.birthYear);
  pdf.field('Age', form.person.age);
  pdf.field('Nationality', form.person.nationality);
  pdf.field('Languages', form.person.languages);

  pdf.heading('Consent to this referral');
  pdf.line(
    `Given ${form.consent.effectiveAt} (${form.consent.method}) by ${form.consent.givenBy === 'carer' ? `a carer (${form.consent.carerRelationship ?? '-'})` : 'the person'}; ` +
      `child's assent: ${form.consent.childAssent}.`,
  );
  pdf.line(
    'This consent allows sharing with the agency named above, for this referral: the identifying details, the reason and the priority above. ' +
      'It does not cover protection notes, screening answers, trafficking findings or a child\'s own words, which are not on this form.',
    9,
  );
  pdf.line(`Case ${form.caseId}, task ${form.taskId}.`, 8);
  return pdf.finish();
}
