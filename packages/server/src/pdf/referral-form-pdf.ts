import { TRAFFICKING_OUTCOMES } from '@waymark/core';
import type { ReferralForm } from '../use-cases/cases/referral-form';
import { createPdf } from './pdf-writer';
import { wordsFor } from './words';

/**
 * The referral form: who is referred, to whom, why, and on what consent, in the reader's
 * language and on their clock. Only the identifying details and the reason travel; notes,
 * screening answers, trafficking findings and a child's words do not (the form says so,
 * for the receiving agency).
 */
export async function renderReferralFormPdf(form: ReferralForm): Promise<Buffer> {
  const words = wordsFor(form.print);
  const { t, label, date, dateTime, lang } = words;
  const pdf = createPdf(`Waymark referral ${form.taskId}`, { synthetic: form.synthetic === true });
  pdf.line(t('pdf.referralTitle'), 18);
  pdf.line(t('pdf.generated', { at: dateTime(form.generatedAt), name: form.generatedByName ?? '-', role: label('role', form.generatedByRole) }), 9);
  pdf.line(t('pdf.scriptNote'), 8);

  pdf.heading(t('pdf.to'));
  pdf.field(t('pdf.receivingAgency'), form.agency.name);
  pdf.field(t('pdf.agencyKind'), label('agencyKind', form.agency.kind));

  pdf.heading(t('pdf.reason'));
  pdf.line(form.reason, 11);
  pdf.field(t('pdf.casePriority'), label('risk', form.casePriority));
  pdf.field(t('pdf.neededBy'), date(form.dueDate));
  const outcome = TRAFFICKING_OUTCOMES.find((term) => term.code === form.traffickingOutcome);
  if (outcome) pdf.field(t('pdf.traffickingOutcome'), outcome.label[lang]);

  pdf.heading(t('pdf.personReferred'));
  pdf.field(t('pdf.field.name'), `${form.person.givenName ?? ''} ${form.person.familyName ?? ''}`.trim());
  if (form.person.originalScriptName) pdf.line(form.person.originalScriptName, 12);
  pdf.field(t('pdf.field.sex'), label('sex', form.person.sex));
  pdf.field(t('pdf.field.dateOfBirth'), form.person.dateOfBirth ? date(form.person.dateOfBirth) : form.person.birthYear);
  pdf.field(t('pdf.field.age'), form.person.age);
  pdf.field(t('pdf.field.nationality'), label('nationality', form.person.nationality));
  pdf.field(t('pdf.field.languages'), words.labels('spokenLanguage', form.person.languages));

  pdf.heading(t('pdf.consent'));
  const by = form.consent.givenBy === 'carer' ? t('pdf.byCarer', { relationship: label('consent.relationship', form.consent.carerRelationship) }) : t('pdf.byPerson');
  pdf.line(t('pdf.consentLine', { at: dateTime(form.consent.effectiveAt), method: label('consent.method', form.consent.method), by, assent: label('consent.assent', form.consent.childAssent) }));
  pdf.line(t('pdf.consentScope'), 9);
  pdf.line(t('pdf.caseTask', { case: form.caseId, task: form.taskId }), 8);
  return pdf.finish();
}
