import { addDays, isIsoDate } from './dates';
import type { ChildProblem } from './problems';
import { CARE_ARRANGEMENT_TYPES, type CareArrangementType } from './vocabulary';

/**
 * Who looks after the child: a registered person, or a carer record (a group home, an
 * agency foster family not registered as persons). Only ids: names live in those records,
 * under their own access rules, never as free text here.
 */
export type CarerRef = { kind: 'person'; personId: string } | { kind: 'carer_record'; carerId: string };

export interface CareArrangement {
  id: string;
  childId: string;
  type: CareArrangementType;
  carer: CarerRef;
  startDate: string;
  /** First day the child is no longer in this arrangement (exclusive); null while it lasts. */
  endDate: string | null;
}

export function carerKey(carer: CarerRef): string {
  return carer.kind === 'person' ? `person:${carer.personId}` : `carer_record:${carer.carerId}`;
}

const TYPES: ReadonlySet<string> = new Set(CARE_ARRANGEMENT_TYPES);

/**
 * How far ahead an arrangement may be planned: a move into a foster family agreed for
 * next month is recorded when it is agreed (our choice; a year ahead is a plan, not care).
 */
export const PLANNED_START_DAYS = 90;

/** True when the arrangement covers the day `on` (start inclusive, end exclusive). */
export function arrangementCovers(arrangement: Pick<CareArrangement, 'startDate' | 'endDate'>, on: string): boolean {
  return arrangement.startDate <= on && (arrangement.endDate === null || on < arrangement.endDate);
}

/** The child's arrangement on a day, or null when none is recorded. */
export function currentArrangement(history: readonly CareArrangement[], childId: string, on: string): CareArrangement | null {
  return history.find((a) => a.childId === childId && arrangementCovers(a, on)) ?? null;
}

/**
 * Problems in a care-arrangement history (any number of children). A child is in one
 * arrangement at a time, so two periods of the same child that share a day overlap; the
 * later-starting one is reported. Ends are exclusive: one arrangement may end on the day
 * the next starts.
 */
export function checkCareArrangements(history: readonly CareArrangement[], context: { today: string }): ChildProblem[] {
  const problems: ChildProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string) => problems.push({ path, code, message });
  const datesOk: boolean[] = history.map((a, i) => {
    if (!TYPES.has(a.type)) add([i, 'type'], 'invalid_value', 'not a known care arrangement');
    const carerId = a.carer.kind === 'person' ? a.carer.personId : a.carer.carerId;
    if (carerId.trim() === '') add([i, 'carer'], 'carer_required', 'identify the carer by a person or carer record id');
    let ok = true;
    if (!isIsoDate(a.startDate)) {
      add([i, 'startDate'], 'invalid_date', 'a YYYY-MM-DD calendar day');
      ok = false;
    } else if (a.startDate > addDays(context.today, PLANNED_START_DAYS)) add([i, 'startDate'], 'date_in_future', `an arrangement starts at most ${PLANNED_START_DAYS} days ahead`);
    if (a.endDate !== null) {
      if (!isIsoDate(a.endDate)) {
        add([i, 'endDate'], 'invalid_date', 'a YYYY-MM-DD calendar day');
        ok = false;
      } else if (ok && a.endDate <= a.startDate) {
        add([i, 'endDate'], 'dates_out_of_order', 'an arrangement ends after it starts');
        ok = false;
      }
    }
    return ok;
  });
  const byChild = new Map<string, number[]>();
  history.forEach((a, i) => {
    if (!datesOk[i]) return;
    const list = byChild.get(a.childId);
    if (list) list.push(i);
    else byChild.set(a.childId, [i]);
  });
  for (const indexes of byChild.values()) {
    const sorted = [...indexes].sort((x, y) => (history[x]!.startDate < history[y]!.startDate ? -1 : history[x]!.startDate > history[y]!.startDate ? 1 : x - y));
    let latestEnd: string | null = ''; // '' sorts before every date: nothing open yet
    sorted.forEach((i, n) => {
      const a = history[i]!;
      const overlaps = n > 0 && (latestEnd === null || a.startDate < latestEnd);
      if (overlaps) add([i], 'overlapping_arrangements', 'the child is already in another arrangement on these days');
      if (latestEnd !== null) latestEnd = a.endDate === null || a.endDate > latestEnd ? a.endDate : latestEnd;
    });
  }
  return problems;
}
