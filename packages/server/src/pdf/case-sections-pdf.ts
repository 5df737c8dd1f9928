import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_OUTCOMES,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from '@waymark/core';
import type { Bia, Bid, CareArrangement, CaseTask, PersonExport, TraffickingAssessmentRecord } from '@waymark/contracts';
import type { PdfWriter } from './pdf-writer';
import type { Words } from './words';

export type PrintedCase = PersonExport['cases'][number];
export type PrintedBestInterests = PersonExport['bestInterests'];

/** What every printed section needs: the reader's words and clock, and staff names by id. */
export interface Print {
  words: Words;
  /** Display names of the users a document names; an id not in it prints as "-". */
  names: ReadonlyMap<string, string>;
}

export const nameOf = (print: Print, userId: string | null | undefined): string => (userId ? print.names.get(userId) ?? '-' : '-');

/** A trafficking vocabulary's labels in the reader's language (codes never reach the page). */
function terms(print: Print, vocabulary: readonly TraffickingTerm[], codes: readonly string[]): string {
  const byCode = new Map(vocabulary.map((term) => [term.code, term.label[print.words.lang]]));
  return codes.length === 0 ? '-' : codes.map((code) => byCode.get(code) ?? code).join(print.words.lang === 'ar' ? '، ' : ', ');
}

/**
 * The case-work sections as printed documents show them: built only from what the
 * presenters gave this reader (a restricted task title, trafficking findings or a child's
 * views arrive already withheld and are printed as withheld, never looked up again).
 */
export function writeTask(pdf: PdfWriter, print: Print, task: CaseTask): void {
  const { t, label, date, dateTime } = print.words;
  const title = task.restricted ? t('pdf.taskWithheld', { topic: label('notes.topic', task.topic ?? '') }) : task.title;
  const due = task.dueDate ? t(task.overdue ? 'pdf.overdue' : 'pdf.due', { date: date(task.dueDate) }) : t('pdf.noDue');
  const done = task.doneAt ? ` - ${t('pdf.done', { at: dateTime(task.doneAt) })}` : '';
  pdf.line(t('pdf.taskLine', { kind: label('cases.kind', task.kind), title, status: label('cases.taskStatus', task.status), due }) + done, 9);
}

export function writeTraffickingAssessment(pdf: PdfWriter, print: Print, assessment: TraffickingAssessmentRecord): void {
  const { t, dateTime, pick } = print.words;
  pdf.line(t('pdf.assessmentLine', { at: dateTime(assessment.assessedAt), outcome: terms(print, TRAFFICKING_OUTCOMES, [assessment.outcome]) }), 10);
  const findings = assessment.findings;
  if (assessment.restricted || findings === null) {
    pdf.line(t('pdf.findingsWithheld'), 9);
    return;
  }
  const found = (element: { found: { code: string }[] }) => element.found.map((source) => source.code);
  pdf.line(t('pdf.act', { values: terms(print, TRAFFICKING_ACTS, found(findings.elements.act)) }), 9);
  pdf.line(t('pdf.means', { values: terms(print, TRAFFICKING_MEANS, found(findings.elements.means)) }), 9);
  pdf.line(t('pdf.purpose', { values: terms(print, TRAFFICKING_PURPOSES, found(findings.elements.purpose)) }), 9);
  pdf.line(t('pdf.childRule', { answer: t(findings.age.childRuleApplies ? 'pdf.yes' : 'pdf.no') }), 9);
  pdf.line(t('pdf.ilo', { values: terms(print, ILO_FORCED_LABOUR_INDICATORS, findings.iloIndicators.observed.map((i) => i.code)), threshold: findings.iloIndicators.threshold }), 9);
  pdf.line(t('pdf.stage', { value: terms(print, TRAFFICKING_STAGES, findings.stageReached ? [findings.stageReached] : []) }), 9);
  pdf.line(t('pdf.exploitation', { values: terms(print, EXPLOITATION_TYPES, findings.exploitationTypes) }), 9);
  pdf.line(t('pdf.control', { values: terms(print, CONTROL_METHODS, findings.controlMethods) }), 9);
  for (const reason of findings.reasons) pdf.line(pick({ en: reason.text.en ?? reason.key, ar: reason.text.ar ?? reason.text.en ?? reason.key }), 9);
}

export function writeCase(pdf: PdfWriter, print: Print, printed: PrintedCase, options: { traffickingShown?: boolean } = {}): void {
  const { t, label, dateTime } = print.words;
  pdf.line(t('pdf.caseLine', { id: printed.id, status: label('cases.status', printed.status), priority: label('risk', printed.priority) }), 11);
  const opened = t('pdf.opened', { at: dateTime(printed.openedAt) }) + (printed.closedAt ? `, ${t('pdf.closed', { at: dateTime(printed.closedAt) })}` : '');
  pdf.line(`${opened}; ${printed.assignedUserId ? t('pdf.assignedTo', { name: nameOf(print, printed.assignedUserId) }) : t('pdf.unassigned')}`, 9);
  if (printed.closureRequest) pdf.line(t('pdf.closureRequested', { at: dateTime(printed.closureRequest.requestedAt), reason: printed.closureRequest.reason }), 9);
  const list = (values: readonly string[] | string | null | undefined) => (Array.isArray(values) ? (values.length ? values.join(', ') : '-') : (values as string | null | undefined) || '-');
  pdf.line(t('pdf.goals', { text: list(printed.plan.goals) }), 9);
  pdf.line(t('pdf.strengths', { strengths: list(printed.plan.strengths), skills: list(printed.plan.skills) }), 9);
  pdf.line(t('pdf.wishes', { text: list(printed.plan.wishes) }), 9);
  pdf.line(t('pdf.tasks', { count: printed.tasks.length }), 10);
  for (const task of printed.tasks) writeTask(pdf, print, task);
  if (options.traffickingShown === false) {
    pdf.line(t('pdf.traffickingHidden'), 10);
    return;
  }
  pdf.line(t('pdf.trafficking', { count: printed.traffickingAssessments.length }), 10);
  for (const assessment of printed.traffickingAssessments) writeTraffickingAssessment(pdf, print, assessment);
}

function childViews(print: Print, bid: Bid): string {
  const { t, label } = print.words;
  if (bid.childViews === null) return bid.childViewsWithheld ? t('pdf.viewsWithheld') : '-';
  switch (bid.childViews.kind) {
    case 'agrees':
      return t('pdf.viewsAgrees');
    case 'disagrees':
      return t('pdf.viewsDisagrees', { reasons: bid.childViews.reasons });
    case 'could_not_be_heard':
      return t('pdf.viewsNotHeard', { why: label('children.notHeard', bid.childViews.why) }) + (bid.childViews.note ? ` - ${bid.childViews.note}` : '');
  }
}

export function writeBestInterests(pdf: PdfWriter, print: Print, record: { assessments: Bia[]; determinations: Bid[]; careArrangements: CareArrangement[] }): void {
  const { t, label, date, dateTime } = print.words;
  pdf.line(t('pdf.bia', { count: record.assessments.length }), 10);
  for (const bia of record.assessments) {
    const state = bia.completedAt ? t('pdf.completed', { at: dateTime(bia.completedAt) }) : t('pdf.open');
    pdf.line(t('pdf.biaLine', { at: date(bia.identifiedAt), urgency: label('children.urgency', bia.urgency), suggested: label('children.urgency', bia.suggestedUrgency), due: date(bia.dueDate), state }), 9);
  }
  pdf.line(t('pdf.bid', { count: record.determinations.length }), 10);
  for (const bid of record.determinations) {
    pdf.line(t('pdf.bidLine', { date: date(bid.decisionDate), recommendation: label('children.recommendation', bid.recommendation.kind), count: bid.panel.length, review: date(bid.reviewDueOn) }), 9);
    pdf.line(t('pdf.childViews', { views: childViews(print, bid) }), 9);
  }
  pdf.line(t('pdf.care', { count: record.careArrangements.length }), 10);
  for (const arrangement of record.careArrangements) {
    const carer = arrangement.carer.kind === 'person' ? t('pdf.carerPerson') : t('pdf.carerRecord');
    pdf.line(t('pdf.careLine', { from: date(arrangement.startDate), to: arrangement.endDate ? date(arrangement.endDate) : t('pdf.now'), kind: label('children.careType', arrangement.kind), carer }), 9);
  }
}
