import { err, ok, type Result } from '../result';
import { checkCareArrangements, type CareArrangement } from './care-arrangements';
import { isIsoDate } from './dates';
import type { ChildProblem } from './problems';
import type { CareArrangementType } from './vocabulary';

// The history a child-protection officer keeps (issue 13 §1): a new arrangement closes the
// open one, a period can be ended, and a mistaken entry is corrected in place (the caller
// keeps the old values and the reason). Each change is checked against the whole history,
// and problems are reported at the request's own field paths.

/** True when two periods `[start, end)` share a day (an open end lasts for ever). */
function shareADay(a: CareArrangement, b: CareArrangement): boolean {
  return a.startDate < (b.endDate ?? '9999-12-31') && b.startDate < (a.endDate ?? '9999-12-31');
}

/**
 * Problems of one arrangement of a history, at that arrangement's own paths. The history
 * check reports an overlap on the later-starting period, which may be another one, so the
 * overlap with this one is checked here whichever starts first.
 */
function problemsOf(history: readonly CareArrangement[], index: number, today: string): ChildProblem[] {
  const own = checkCareArrangements(history, { today })
    .filter((p) => p.path[0] === index && p.code !== 'overlapping_arrangements')
    .map((p) => ({ ...p, path: p.path.length > 1 ? p.path.slice(1) : ['startDate'] }));
  if (own.length > 0) return own;
  const self = history[index]!;
  const overlaps = history.some((other, i) => i !== index && other.childId === self.childId && shareADay(self, other));
  return overlaps ? [{ path: ['startDate'], code: 'overlapping_arrangements', message: 'the child is already in another arrangement on these days' }] : [];
}

export interface StartedArrangement {
  /** The open arrangement the new one closes (its end set to the new start), if any. */
  closes: { id: string; endDate: string } | null;
}

/**
 * Adds an arrangement to a child's history. The arrangement still open (no end) that began
 * before the new one is ended the day the new one starts: a child moving to a new carer
 * leaves the old one. Anything else that shares a day with it is an overlap, refused.
 */
export function startArrangement(history: readonly CareArrangement[], candidate: CareArrangement, today: string): Result<StartedArrangement, ChildProblem[]> {
  const open = history.find((a) => a.childId === candidate.childId && a.endDate === null && isIsoDate(candidate.startDate) && a.startDate < candidate.startDate);
  const closes = open ? { id: open.id, endDate: candidate.startDate } : null;
  const after = history.map((a) => (closes && a.id === closes.id ? { ...a, endDate: closes.endDate } : a));
  const problems = problemsOf([...after, candidate], after.length, today);
  return problems.length > 0 ? err(problems) : ok({ closes });
}

/** Ends an open arrangement on `endDate` (exclusive: the first day the child is no longer in it). */
export function endArrangement(history: readonly CareArrangement[], id: string, endDate: string, today: string): Result<CareArrangement, ChildProblem[]> {
  const index = history.findIndex((a) => a.id === id);
  const current = history[index];
  if (!current) return err([{ path: [], code: 'not_found', message: 'no such arrangement' }]);
  if (current.endDate !== null) return err([{ path: ['endDate'], code: 'already_ended', message: 'the arrangement has ended; correct it to change its end' }]);
  const ended = { ...current, endDate };
  const problems = problemsOf(history.map((a, i) => (i === index ? ended : a)), index, today);
  return problems.length > 0 ? err(problems) : ok(ended);
}

/** Replaces a mistaken entry; the whole history must still hold together. */
export function correctArrangement(history: readonly CareArrangement[], replacement: CareArrangement, today: string): Result<CareArrangement, ChildProblem[]> {
  const index = history.findIndex((a) => a.id === replacement.id);
  if (index < 0) return err([{ path: [], code: 'not_found', message: 'no such arrangement' }]);
  const problems = problemsOf(history.map((a, i) => (i === index ? replacement : a)), index, today);
  return problems.length > 0 ? err(problems) : ok(replacement);
}

/**
 * A carer must be an adult, except in a child-headed household, where the head is
 * himself a child. Age unknown is not refused (an age dispute is not evidence of a child),
 * but with only a birth year the youngest possible age counts, as for the child.
 */
export function checkCarerAge(kind: CareArrangementType, carerAge: number | null): ChildProblem[] {
  if (kind === 'child_headed_household' || carerAge === null || carerAge >= 18) return [];
  return [{ path: ['carer', 'personId'], code: 'carer_is_a_child', message: 'a carer under 18 only heads a child-headed household' }];
}
