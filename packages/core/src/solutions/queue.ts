import { daysFromDate } from '../population/civil-date';
import type { RiskLevel } from '../registration/vocabulary';
import { isIsoDate } from '../scoring/iso-date';
import { errorAt, type SolutionsProblem } from './problems';
import { explainPosition, type QueueExplanation } from './queue-explanation';
import { BUCKET_COUNT, civilToday, MAX_WAITING_DAYS, PRIORITY_COUNT, queueBucket, RISK_COUNT, waitingDaysOf, waitingMonthsOf } from './queue-keys';
import type { ResettlementPriority } from './vocabulary';

/** One case waiting for resettlement submission, as the queue needs it. */
export interface QueueCase {
  caseId: string;
  priority: ResettlementPriority;
  /** The highest current risk level of any member of the case. */
  risk: RiskLevel;
  /** ISO date the case entered the queue (its categories and priority were confirmed). */
  waitingSince: string;
}

/** The keys the queue sorts by, in order: each one only matters when all before it are equal. */
export const QUEUE_FACTORS = ['priority', 'risk', 'waiting', 'case_id'] as const;
export type QueueFactor = (typeof QUEUE_FACTORS)[number];

/** Why an entry sits where it does, as data (the text is built from this). */
export interface QueuePositionReasons {
  /** The first key on which this entry beats the next one; null for the last entry. */
  aheadOfNextBecause: QueueFactor | null;
  /** The first key on which the previous entry beats this one; null for the first entry. */
  behindPreviousBecause: QueueFactor | null;
  /** Cases behind this one although their risk is higher: priority comes first. */
  aheadOfHigherRisk: number;
  /** Cases behind this one (same priority, lower risk) that have waited longer: risk comes before waiting. */
  aheadOfLongerWaiting: number;
  /** Cases ahead of this one although their risk is lower: priority comes first. */
  behindLowerRisk: number;
  /** Cases ahead of this one (same priority, higher risk) that have waited less. */
  behindShorterWaiting: number;
  /** Other cases with the same priority, risk and days waiting: ordered by case id. */
  tied: number;
}

export interface QueueEntry<C extends QueueCase = QueueCase> {
  /** 1-based. */
  position: number;
  case: C;
  waitingDays: number;
  /** Whole calendar months waited. */
  waitingMonths: number;
  reasons: QueuePositionReasons;
  explanation: QueueExplanation;
}

/**
 * Problems with the queue's input, at [index, field]. The queue itself still orders bad
 * input (an unreadable or future date counts as 0 days waiting) so one bad row cannot hide
 * the rest; callers show these next to it.
 */
export function checkQueueCases(cases: readonly QueueCase[], today: Date): SolutionsProblem[] {
  const problems: SolutionsProblem[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  const seen = new Set<string>();
  cases.forEach((c, index) => {
    if (!isIsoDate(c.waitingSince)) problems.push(errorAt('invalid_date', [index, 'waitingSince'], 'not a calendar date (YYYY-MM-DD)'));
    else if (c.waitingSince > todayIso) problems.push(errorAt('date_in_future', [index, 'waitingSince'], 'waiting since a future date'));
    if (seen.has(c.caseId)) problems.push(errorAt('duplicate_case_id', [index, 'caseId'], 'a case is in the queue once'));
    seen.add(c.caseId);
  });
  return problems;
}

/** First index in [from, to) of a descending array whose value is <= w (or < w when strict). */
function firstAtMost(values: Int32Array, from: number, to: number, w: number, strict: boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number;
    if (strict ? v < w : v <= w) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Which part of the queue to return. Positions and explanations always count the whole queue. */
export interface QueueWindow {
  /** 0-based index of the first entry to return. */
  offset?: number;
  /** How many entries to return; all by default. */
  limit?: number;
}

/**
 * The resettlement queue: emergency before urgent before normal; within a priority,
 * critical before high before medium before low risk; then the longest wait first; then
 * case id (plain code-unit order, so the same on every machine). Every entry explains its
 * position. O(n log n): keys are packed once into typed arrays, so comparing allocates nothing.
 * Case ids are expected to be unique; if not, duplicates keep their input order.
 * Writing the explanations is most of the work for a large queue, so a caller showing one
 * page passes a `window` and only that page is explained (the ordering is the same).
 */
export function resettlementQueue<C extends QueueCase>(cases: readonly C[], today: Date, window: QueueWindow = {}): QueueEntry<C>[] {
  const n = cases.length;
  const todayDays = daysFromDate(today);
  const key = new Float64Array(n);
  const waiting = new Int32Array(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i] as C;
    const days = waitingDaysOf(c.waitingSince, todayDays);
    waiting[i] = days;
    ids[i] = c.caseId;
    key[i] = queueBucket(c.priority, c.risk) * (MAX_WAITING_DAYS + 1) + (MAX_WAITING_DAYS - days);
  }
  const order: number[] = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const byKey = (key[a] as number) - (key[b] as number);
    if (byKey !== 0) return byKey;
    const idA = ids[a] as string;
    const idB = ids[b] as string;
    return idA < idB ? -1 : idA > idB ? 1 : a - b;
  });

  // In queue order: bucket (priority × risk) of each entry and its days waiting, descending inside a bucket.
  const sortedBucket = new Int8Array(n);
  const sortedWaiting = new Int32Array(n);
  const bucketCount = new Int32Array(BUCKET_COUNT);
  const bucketStart = new Int32Array(BUCKET_COUNT + 1);
  for (let i = 0; i < n; i++) {
    const original = order[i] as number;
    const c = cases[original] as C;
    const bucket = queueBucket(c.priority, c.risk);
    sortedBucket[i] = bucket;
    sortedWaiting[i] = waiting[original] as number;
    bucketCount[bucket] = (bucketCount[bucket] as number) + 1;
  }
  for (let b = 0; b < BUCKET_COUNT; b++) {
    bucketStart[b + 1] = (bucketStart[b] as number) + (bucketCount[b] as number);
  }

  const todayCivil = civilToday(today);
  const factorBetween = (i: number, j: number): QueueFactor => {
    const a = order[i] as number;
    const b = order[j] as number;
    const ca = cases[a] as C;
    const cb = cases[b] as C;
    if (ca.priority !== cb.priority) return 'priority';
    if (ca.risk !== cb.risk) return 'risk';
    if (waiting[a] !== waiting[b]) return 'waiting';
    return 'case_id';
  };

  const first = Math.max(0, Math.min(n, Math.floor(window.offset ?? 0)));
  const last = Math.min(n, window.limit === undefined ? n : first + Math.max(0, Math.floor(window.limit)));
  const entries: QueueEntry<C>[] = new Array<QueueEntry<C>>(last - first);
  for (let i = first; i < last; i++) {
    const c = cases[order[i] as number] as C;
    const bucket = sortedBucket[i] as number;
    const p = Math.floor(bucket / RISK_COUNT);
    const r = bucket % RISK_COUNT;
    const w = sortedWaiting[i] as number;
    let aheadOfHigherRisk = 0;
    let behindLowerRisk = 0;
    let aheadOfLongerWaiting = 0;
    let behindShorterWaiting = 0;
    for (let op = 0; op < PRIORITY_COUNT; op++) {
      for (let or = 0; or < RISK_COUNT; or++) {
        const b = op * RISK_COUNT + or;
        const from = bucketStart[b] as number;
        const to = bucketStart[b + 1] as number;
        if (from === to) continue;
        if (op > p && or < r) aheadOfHigherRisk += to - from;
        else if (op < p && or > r) behindLowerRisk += to - from;
        else if (op === p && or > r) aheadOfLongerWaiting += firstAtMost(sortedWaiting, from, to, w, false) - from;
        else if (op === p && or < r) behindShorterWaiting += to - firstAtMost(sortedWaiting, from, to, w, true);
      }
    }
    const sameFrom = firstAtMost(sortedWaiting, bucketStart[bucket] as number, bucketStart[bucket + 1] as number, w, false);
    const sameTo = firstAtMost(sortedWaiting, sameFrom, bucketStart[bucket + 1] as number, w, true);
    const reasons: QueuePositionReasons = {
      aheadOfNextBecause: i + 1 < n ? factorBetween(i, i + 1) : null,
      behindPreviousBecause: i > 0 ? factorBetween(i - 1, i) : null,
      aheadOfHigherRisk,
      aheadOfLongerWaiting,
      behindLowerRisk,
      behindShorterWaiting,
      tied: sameTo - sameFrom - 1,
    };
    const waitingMonths = waitingMonthsOf(c.waitingSince, todayCivil);
    const next = i + 1 < n ? (sortedWaiting[i + 1] as number) : null;
    entries[i - first] = {
      position: i + 1,
      case: c,
      waitingDays: w,
      waitingMonths,
      reasons,
      explanation: explainPosition({ position: i + 1, total: n, priority: c.priority, risk: c.risk, waitingDays: w, waitingMonths, nextWaitingDays: next, reasons }),
    };
  }
  return entries;
}
