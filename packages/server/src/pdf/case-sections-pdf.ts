import type { Bia, Bid, CareArrangement, CaseTask, TraffickingAssessmentRecord } from '@waymark/contracts';
import type { PersonExport } from '@waymark/contracts';
import { show, type PdfWriter } from './pdf-writer';

export type PrintedCase = PersonExport['cases'][number];
export type PrintedBestInterests = PersonExport['bestInterests'];

/**
 * The case-work sections as printed documents show them: built only from what the
 * presenters gave this reader (a restricted task title, trafficking findings or a child's
 * views arrive already withheld and are printed as withheld, never looked up again).
 */
export function writeTask(pdf: PdfWriter, task: CaseTask): void {
  const title = task.restricted ? `withheld (${task.topic ?? 'restricted'} topic)` : task.title;
  const due = task.dueDate ? `due ${task.dueDate}${task.overdue ? ' (overdue)' : ''}` : 'no due date';
  pdf.line(`${task.kind}: ${title} - ${task.status}, ${due}${task.doneAt ? `, done ${task.doneAt}` : ''}`, 9);
}

export function writeTraffickingAssessment(pdf: PdfWriter, assessment: TraffickingAssessmentRecord): void {
  pdf.line(`${assessment.assessedAt}: outcome ${assessment.outcome}`, 10);
  const findings = assessment.findings;
  if (assessment.restricted || findings === null) {
    pdf.line("Findings withheld: outside the reader's clearance.", 9);
    return;
  }
  pdf.line(
    `Elements: act ${show(findings.elements.act)}; means ${show(findings.elements.means)}; purpose ${show(findings.elements.purpose)}`,
    9,
  );
  pdf.line(`Child rule applies: ${findings.age.childRuleApplies ? 'yes' : 'no'} (${findings.age.basis})`, 9);
  pdf.line(`ILO indicators observed: ${show(findings.iloIndicators.observed.map((i) => i.code))} (threshold ${findings.iloIndicators.threshold})`, 9);
  pdf.line(`Stage reached: ${show(findings.stageReached)}; exploitation: ${show(findings.exploitationTypes)}; control: ${show(findings.controlMethods)}`, 9);
  for (const reason of findings.reasons) pdf.line(reason.text.en ?? reason.key, 9);
}

export function writeCase(pdf: PdfWriter, printed: PrintedCase, options: { traffickingShown?: boolean } = {}): void {
  pdf.line(`Case ${printed.id}: ${printed.status}, priority ${printed.priority}`, 11);
  pdf.line(`Opened ${printed.openedAt}${printed.closedAt ? `, closed ${printed.closedAt}` : ''}; assigned to ${show(printed.assignedUserId)}`, 9);
  if (printed.closureRequest) pdf.line(`Closure requested ${printed.closureRequest.requestedAt}: ${printed.closureRequest.reason}`, 9);
  pdf.line(`The person's goals: ${show(printed.plan.goals)}`, 9);
  pdf.line(`Strengths: ${show(printed.plan.strengths)}; skills: ${show(printed.plan.skills)}`, 9);
  pdf.line(`What they want: ${show(printed.plan.wishes)}`, 9);
  pdf.line(`Tasks (${printed.tasks.length})`, 10);
  for (const task of printed.tasks) writeTask(pdf, task);
  if (options.traffickingShown === false) {
    pdf.line("Trafficking assessments: not shown to the reader's role.", 10);
    return;
  }
  pdf.line(`Trafficking assessments (${printed.traffickingAssessments.length})`, 10);
  for (const assessment of printed.traffickingAssessments) writeTraffickingAssessment(pdf, assessment);
}

function childViews(bid: Bid): string {
  if (bid.childViews === null) return bid.childViewsWithheld ? "withheld: outside the reader's clearance" : '-';
  switch (bid.childViews.kind) {
    case 'agrees':
      return 'agrees';
    case 'disagrees':
      return `disagrees: ${bid.childViews.reasons}`;
    case 'could_not_be_heard':
      return `could not be heard (${bid.childViews.why})${bid.childViews.note ? `: ${bid.childViews.note}` : ''}`;
  }
}

export function writeBestInterests(pdf: PdfWriter, record: { assessments: Bia[]; determinations: Bid[]; careArrangements: CareArrangement[] }): void {
  pdf.line(`Best interests assessments (${record.assessments.length})`, 10);
  for (const bia of record.assessments) {
    pdf.line(`${bia.identifiedAt}: urgency ${bia.urgency} (suggested ${bia.suggestedUrgency}), due ${bia.dueDate}, ${bia.completedAt ? `completed ${bia.completedAt}` : 'open'}`, 9);
  }
  pdf.line(`Best interests determinations (${record.determinations.length})`, 10);
  for (const bid of record.determinations) {
    pdf.line(`${bid.decisionDate}: ${bid.recommendation.kind}; panel of ${bid.panel.length}; next review ${bid.reviewDueOn} (${bid.reviewDueReason})`, 9);
    pdf.line(`The child's views: ${childViews(bid)}`, 9);
  }
  pdf.line(`Care arrangements (${record.careArrangements.length})`, 10);
  for (const arrangement of record.careArrangements) {
    const carer = arrangement.carer.kind === 'person' ? `person ${arrangement.carer.personId}` : `carer record ${arrangement.carer.carerId}`;
    pdf.line(`${arrangement.startDate} to ${arrangement.endDate ?? 'now'}: ${arrangement.kind}, ${carer}`, 9);
  }
}
