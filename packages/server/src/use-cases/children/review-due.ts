import { careArrangementChanges, nextReviewDate, type ReviewDue } from '@waymark/core';
import type { BestInterestsDeterminationRow, CareArrangementRow } from '../../db/schema';

/** When the child's latest BID is next reviewed: the interval, or sooner on a change of arrangement. */
export function reviewDueFor(
  decision: Pick<BestInterestsDeterminationRow, 'decision_date'>,
  arrangements: readonly CareArrangementRow[],
  childId: string,
  intervalMonths: number,
): ReviewDue {
  const history = arrangements.map((a) => ({ childId: a.person_id, startDate: a.started_on, endDate: a.ended_on }));
  return nextReviewDate({ decisionDate: decision.decision_date }, { intervalMonths }, careArrangementChanges(history, childId));
}
