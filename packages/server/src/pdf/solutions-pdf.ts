import { DURABLE_SOLUTIONS, SUBMISSION_CATEGORIES, type CategorySuggestion, type SubmissionCategory } from '@waymark/core';
import type { ResettlementSubmission } from '@waymark/contracts';
import type { PrintedSolutions } from '../use-cases/solutions/solutions-for-print';
import { nameOf, type Print } from './case-sections-pdf';
import type { PdfWriter } from './pdf-writer';

type Reason = CategorySuggestion['reasons'][number];

function writeReason(pdf: PdfWriter, print: Print, reason: Reason | ResettlementSubmission['primary']['reasons'][number]): void {
  const { t, label, lang } = print.words;
  // A reason from a sealed section the reader is not cleared for arrives without its words.
  if (reason.withheld) pdf.line(`- ${t('pdf.reasonWithheld', { roles: reason.withheld.readableBy.map((role) => label('role', role)).join(lang === 'ar' ? '، ' : ', ') })}`, 9);
  else pdf.line(`- ${reason[lang]}`, 9);
}

const category = (print: Print, code: SubmissionCategory) => SUBMISSION_CATEGORIES[code][print.words.lang];

/** Durable solutions, the confirmed resettlement submission and the categories to consider. */
export function writeSolutions(pdf: PdfWriter, print: Print, solutions: PrintedSolutions): void {
  const { t, label, date, dateTime } = print.words;
  const { durable, submission, suggestions } = solutions;
  if (durable.yearsInDisplacement !== null) pdf.line(t(durable.protracted ? 'pdf.protracted' : 'pdf.displacement', { years: durable.yearsInDisplacement }), 9);
  if (!durable.assessment) pdf.line(t('pdf.notAssessed'), 9);
  else {
    pdf.line(t('pdf.assessedOn', { date: date(durable.assessment.assessedOn), name: nameOf(print, durable.assessment.assessedBy) }), 9);
    for (const solution of DURABLE_SOLUTIONS) {
      const input = durable.assessment.solutions[solution];
      if (!input) continue;
      pdf.line(t('pdf.solutionLine', {
        solution: label('solutions.solution', solution),
        status: label('solutions.status', input.status),
        wish: label('solutions.wish', input.wish),
        risk: input.traffickingRisk ? label('solutions.riskLevel', input.traffickingRisk.level) : '-',
      }), 9);
    }
  }
  pdf.line(t('pdf.resettlement'), 11);
  if (!submission) pdf.line(t('pdf.notConfirmed'), 9);
  else {
    pdf.line(t('pdf.confirmedLine', { at: dateTime(submission.confirmedAt), name: nameOf(print, submission.confirmedBy), priority: label('solutions.priority', submission.priority), since: date(submission.waitingSince) }), 9);
    pdf.line(submission.submittedAt ? t('pdf.submitted', { at: dateTime(submission.submittedAt) }) : t('pdf.notSubmitted'), 9);
    pdf.line(t('pdf.primary', { category: category(print, submission.primary.category) }), 9);
    for (const reason of submission.primary.reasons) writeReason(pdf, print, reason);
    if (submission.secondary) {
      pdf.line(t('pdf.secondary', { category: category(print, submission.secondary.category) }), 9);
      for (const reason of submission.secondary.reasons) writeReason(pdf, print, reason);
    }
  }
  pdf.line(t('pdf.suggestions'), 10);
  if (suggestions.length === 0) pdf.line(t('pdf.noSuggestions'), 9);
  for (const suggestion of suggestions) {
    pdf.line(`${category(print, suggestion.category)} - ${label('solutions.usualRole', suggestion.usualRole)}`, 9);
    for (const reason of suggestion.reasons) writeReason(pdf, print, reason);
  }
}
