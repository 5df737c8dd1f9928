import {
  FIELD_REGISTRY,
  mayReadField,
  type Actor,
  type BiaUrgency,
  type BidRecommendation,
  type BidRequirementCode,
  type CareArrangementType,
  type ChildNotHeardReason,
  type RecordRef,
} from '@waymark/core';
import type { Bia, Bid, CareArrangement } from '@waymark/contracts';
import type { BestInterestsAssessmentRow, BestInterestsDeterminationRow, CareArrangementCorrectionRow, CareArrangementRow } from '../db/schema';

/** The BIA's sections as this reader may see them (bia-content.ts opens and filters them). */
export type BiaContentView = Pick<Bia, 'content' | 'withheldSections'>;

const NO_CONTENT: BiaContentView = { content: null, withheldSections: [] };

/** An explicit allow-list: what a reader of a child's record sees of a BIA (dates, codes, and the sections given). */
export function presentBia(row: BestInterestsAssessmentRow, content: BiaContentView = NO_CONTENT): Bia {
  return {
    ...content,
    id: row.id,
    personId: row.person_id,
    caseId: row.case_id,
    urgency: row.urgency as BiaUrgency,
    suggestedUrgency: row.suggested_urgency as BiaUrgency,
    suggestedBecause: row.suggested_because,
    required: row.required,
    identifiedAt: row.identified_at,
    dueDate: row.due_date,
    completedAt: row.completed_at,
    version: row.version,
  };
}

function childViewsOf(row: BestInterestsDeterminationRow): Bid['childViews'] {
  if (row.child_views_kind === 'agrees') return { kind: 'agrees' };
  if (row.child_views_kind === 'disagrees') return { kind: 'disagrees', reasons: row.child_views_text ?? '' };
  return {
    kind: 'could_not_be_heard',
    why: row.child_not_heard_reason as ChildNotHeardReason,
    ...(row.child_views_text === null ? {} : { note: row.child_views_text }),
  };
}

/**
 * A BID: the decision is sensitive, the child's views are child-protection content and
 * reach only a reader cleared for that topic or assigned to the child (mayReadField).
 */
export function presentBid(row: BestInterestsDeterminationRow, reader: { actor: Actor; child: RecordRef }): Bid {
  const mayReadViews = mayReadField(reader.actor, FIELD_REGISTRY['child.bid.childViews'], reader.child);
  return {
    id: row.id,
    personId: row.person_id,
    biaId: row.bia_id,
    reasonCodes: row.reason_codes as BidRequirementCode[],
    panel: row.panel.map((m) => ({ memberId: m.memberId, role: m.role, confidentialityUndertakingSigned: m.confidentialityUndertakingSigned })),
    assessmentDate: row.assessment_date,
    childViews: mayReadViews ? childViewsOf(row) : null,
    childViewsWithheld: !mayReadViews,
    recommendation: { kind: row.recommendation as BidRecommendation, solutionStepId: row.solution_step_ref },
    decisionDate: row.decision_date,
    reviewDueOn: row.review_due_on,
    reviewDueReason: row.review_due_reason as Bid['reviewDueReason'],
  };
}

const carerOf = (personId: string | null, ref: string | null): CareArrangement['carer'] =>
  personId !== null ? { kind: 'person', personId } : { kind: 'carer_record', carerId: ref ?? '' };

/** An arrangement with the corrections made to it (old values and reasons), oldest first. */
export function presentCareArrangement(row: CareArrangementRow, corrections: readonly CareArrangementCorrectionRow[] = []): CareArrangement {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind as CareArrangementType,
    carer: carerOf(row.carer_person_id, row.carer_ref),
    startDate: row.started_on,
    endDate: row.ended_on,
    version: row.version,
    corrections: corrections
      .filter((c) => c.arrangement_id === row.id)
      .map((c) => ({
        id: c.id,
        correctedAt: c.corrected_at.toISOString(),
        reason: c.reason,
        previous: { kind: c.previous_kind as CareArrangementType, carer: carerOf(c.previous_carer_person_id, c.previous_carer_ref), startDate: c.previous_started_on, endDate: c.previous_ended_on },
      })),
  };
}
