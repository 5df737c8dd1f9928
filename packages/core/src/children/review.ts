import { addMonths } from './dates';
import type { ChildProblem } from './problems';

export interface ReviewSettings {
  /**
   * Months between periodic BID reviews. The guidelines set no interval (domain.md §4:
   * "upon identification, and periodically thereafter"), so each operation sets one;
   * 6 is only our default.
   */
  intervalMonths: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { intervalMonths: 6 };

/** Settings come from an operation's configuration: check them where they are saved. */
export function checkReviewSettings(settings: ReviewSettings): ChildProblem[] {
  const n = settings.intervalMonths;
  return Number.isInteger(n) && n >= 1 && n <= 60
    ? []
    : [{ path: ['intervalMonths'], code: 'invalid_interval', message: 'a whole number of months from 1 to 60' }];
}

export interface ReviewDue {
  dueDate: string;
  reason: 'interval' | 'care_arrangement_change';
}

/**
 * When the next review of a best-interests decision is due: `intervalMonths` after the
 * last decision (or review), or on the day of the first change of care arrangement after
 * it, whichever comes first. A change on the decision day itself is taken to be part of
 * that decision. Dates are valid 'YYYY-MM-DD' (checked where they were recorded).
 */
export function nextReviewDate(
  lastDecision: { decisionDate: string },
  settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS,
  careArrangementChanges: readonly { changedOn: string }[] = [],
): ReviewDue {
  let due: ReviewDue = { dueDate: addMonths(lastDecision.decisionDate, settings.intervalMonths), reason: 'interval' };
  for (const change of careArrangementChanges) {
    if (change.changedOn > lastDecision.decisionDate && change.changedOn < due.dueDate) {
      due = { dueDate: change.changedOn, reason: 'care_arrangement_change' };
    }
  }
  return due;
}

/**
 * The changes of arrangement in a child's history: every start after the first, and every
 * end (a child leaving a carer is a change even before the next arrangement is known).
 */
export function careArrangementChanges(history: readonly { childId: string; startDate: string; endDate?: string | null }[], childId: string): { changedOn: string }[] {
  const own = history.filter((a) => a.childId === childId);
  const starts = own.map((a) => a.startDate).sort().slice(1);
  const ends = own.flatMap((a) => (a.endDate ? [a.endDate] : []));
  return [...new Set([...starts, ...ends])].sort().map((changedOn) => ({ changedOn }));
}
