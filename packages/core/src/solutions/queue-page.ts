import { daysFromDate } from '../population/civil-date';
import type { RiskLevel } from '../registration/vocabulary';
import { err, ok, type Result } from '../result';
import { errorAt, type SolutionsProblem } from './problems';
import type { QueueCase, QueueEntry, QueueFactor, QueuePositionReasons, QueueWindow } from './queue';
import { explainPosition } from './queue-explanation';
import { BUCKET_COUNT, civilToday, PRIORITY_COUNT, PRIORITY_RANK, queueBucket, RISK_COUNT, RISK_RANK, waitingDaysOf, waitingMonthsOf } from './queue-keys';
import type { ResettlementPriority } from './vocabulary';

/**
 * One page of the resettlement queue explained without the whole queue in memory.
 *
 * Every count in an explanation is about whole classes of cases — a priority × risk bucket,
 * or the cases of a bucket that waited more, less or as long as this one — so a histogram
 * of the queue (priority, risk, date entered → how many) answers them all. The only facts
 * about individual cases are the page's own and its two neighbours' (the deciding factor
 * against the previous and the next case), so the database reads those in queue order and
 * the histogram, and this module gives exactly what `resettlementQueue` gives for the same
 * window of the whole queue (a property test holds it to that).
 */

/** How many queued cases share a priority, a risk and the date they entered the queue. */
export interface QueueHistogramRow {
  priority: ResettlementPriority;
  risk: RiskLevel;
  waitingSince: string;
  count: number;
}

/** Consecutive cases of the queue, in queue order; the first is at 0-based index `start`. */
export interface QueueSlice<C extends QueueCase> {
  start: number;
  cases: readonly C[];
}

/** The histogram of a list of cases (for callers that hold the cases, and for tests). */
export function queueHistogram(cases: readonly QueueCase[]): QueueHistogramRow[] {
  const rows = new Map<string, QueueHistogramRow>();
  for (const c of cases) {
    const key = `${c.priority}\u0000${c.risk}\u0000${c.waitingSince}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { priority: c.priority, risk: c.risk, waitingSince: c.waitingSince, count: 1 });
  }
  return [...rows.values()];
}

/** Per bucket: its distinct days waited (longest first) and how many cases waited longer than each. */
interface BucketWaits {
  days: number[];
  count: number[];
  /** Cases of the bucket with more days than days[i]. */
  longer: number[];
  total: number;
}

interface Summary {
  total: number;
  buckets: BucketWaits[];
  /** Cases in buckets before bucket b. */
  bucketStart: number[];
}

function summarise(histogram: readonly QueueHistogramRow[], todayDays: number): Summary {
  // Dates that mean the same days waited (every future or unreadable date means 0) are one class.
  const byBucket: Array<Map<number, number>> = Array.from({ length: BUCKET_COUNT }, () => new Map<number, number>());
  for (const row of histogram) {
    const waits = byBucket[queueBucket(row.priority, row.risk)]!;
    const days = waitingDaysOf(row.waitingSince, todayDays);
    waits.set(days, (waits.get(days) ?? 0) + row.count);
  }
  const buckets = byBucket.map((waits): BucketWaits => {
    const days = [...waits.keys()].sort((a, b) => b - a);
    const count = days.map((d) => waits.get(d)!);
    const longer: number[] = [];
    let running = 0;
    for (const n of count) {
      longer.push(running);
      running += n;
    }
    return { days, count, longer, total: running };
  });
  const bucketStart: number[] = [];
  let total = 0;
  for (const bucket of buckets) {
    bucketStart.push(total);
    total += bucket.total;
  }
  return { total, buckets, bucketStart };
}

/** First index in a descending list whose value is <= w (or < w when strict). */
function firstAtMost(days: readonly number[], w: number, strict: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = days[mid]!;
    if (strict ? v < w : v <= w) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Cases of the bucket that waited longer than w, as long as w, and less than w. */
function around(bucket: BucketWaits, w: number): { longer: number; same: number; shorter: number } {
  const i = firstAtMost(bucket.days, w, false);
  const longer = i < bucket.days.length ? bucket.longer[i]! : bucket.total;
  const same = i < bucket.days.length && bucket.days[i] === w ? bucket.count[i]! : 0;
  return { longer, same, shorter: bucket.total - longer - same };
}

interface Keyed<C> {
  c: C;
  bucket: number;
  days: number;
}

function factorBetween(a: Keyed<QueueCase>, b: Keyed<QueueCase>): QueueFactor {
  if (a.c.priority !== b.c.priority) return 'priority';
  if (a.c.risk !== b.c.risk) return 'risk';
  if (a.days !== b.days) return 'waiting';
  return 'case_id';
}

/** Strict queue order: bucket, then more days first, then case id in code-unit order. */
function before(a: Keyed<QueueCase>, b: Keyed<QueueCase>): boolean {
  if (a.bucket !== b.bucket) return a.bucket < b.bucket;
  if (a.days !== b.days) return a.days > b.days;
  return a.c.caseId < b.c.caseId;
}

function windowOf(window: QueueWindow, total: number): { first: number; last: number } {
  const first = Math.max(0, Math.min(total, Math.floor(window.offset ?? 0)));
  const last = Math.min(total, window.limit === undefined ? total : first + Math.max(0, Math.floor(window.limit)));
  return { first, last };
}

/**
 * Checks that the slice can be what the histogram counts: in strict queue order, every case
 * at a position its class can hold, and covering the window with one neighbour either side
 * (when the queue has one). A slice read in another order than core's is refused here rather
 * than explained wrongly.
 */
function checkSlice(summary: Summary, keyed: readonly Keyed<QueueCase>[], start: number, first: number, last: number): SolutionsProblem[] {
  const problems: SolutionsProblem[] = [];
  keyed.forEach((k, i) => {
    if (i > 0 && !before(keyed[i - 1]!, k)) problems.push(errorAt('queue_slice_out_of_order', ['slice', i], 'not after the case before it in queue order'));
    const bucket = summary.buckets[k.bucket]!;
    const { longer, same } = around(bucket, k.days);
    const from = summary.bucketStart[k.bucket]! + longer;
    if (start + i < from || start + i >= from + same) {
      problems.push(errorAt('queue_slice_not_counted', ['slice', i], 'the histogram has no place for this case at this position'));
    }
  });
  if (first < last) {
    const needFrom = Math.max(0, first - 1);
    const needTo = Math.min(summary.total, last + 1);
    if (start > needFrom || start + keyed.length < needTo) {
      problems.push(errorAt('queue_slice_incomplete', ['slice'], `the slice must hold positions ${needFrom} to ${needTo - 1} (0-based)`));
    }
  }
  return problems;
}

/**
 * The window of the queue, positioned and explained against the whole queue that the
 * histogram counts, from a slice read in queue order (priority, risk, days waiting, case id).
 * Equal to `resettlementQueue(allCases, today, window)`; O(histogram + page).
 */
export function queuePage<C extends QueueCase>(
  histogram: readonly QueueHistogramRow[],
  slice: QueueSlice<C>,
  today: Date,
  window: QueueWindow = {},
): Result<QueueEntry<C>[], SolutionsProblem[]> {
  const todayDays = daysFromDate(today);
  const summary = summarise(histogram, todayDays);
  const n = summary.total;
  const { first, last } = windowOf(window, n);
  const keyed: Keyed<C>[] = slice.cases.map((c) => ({ c, bucket: queueBucket(c.priority, c.risk), days: waitingDaysOf(c.waitingSince, todayDays) }));
  const problems = checkSlice(summary, keyed, slice.start, first, last);
  if (problems.length > 0) return err(problems);

  const todayCivil = civilToday(today);
  const entries: QueueEntry<C>[] = [];
  for (let i = first; i < last; i++) {
    const at = i - slice.start;
    const me = keyed[at]!;
    const p = PRIORITY_RANK[me.c.priority];
    const r = RISK_RANK[me.c.risk];
    const w = me.days;
    let aheadOfHigherRisk = 0;
    let behindLowerRisk = 0;
    let aheadOfLongerWaiting = 0;
    let behindShorterWaiting = 0;
    for (let op = 0; op < PRIORITY_COUNT; op++) {
      for (let or = 0; or < RISK_COUNT; or++) {
        const bucket = summary.buckets[op * RISK_COUNT + or]!;
        if (bucket.total === 0) continue;
        if (op > p && or < r) aheadOfHigherRisk += bucket.total;
        else if (op < p && or > r) behindLowerRisk += bucket.total;
        else if (op === p && or > r) aheadOfLongerWaiting += around(bucket, w).longer;
        else if (op === p && or < r) behindShorterWaiting += around(bucket, w).shorter;
      }
    }
    const next = i + 1 < n ? keyed[at + 1]! : null;
    const reasons: QueuePositionReasons = {
      aheadOfNextBecause: next ? factorBetween(me, next) : null,
      behindPreviousBecause: i > 0 ? factorBetween(keyed[at - 1]!, me) : null,
      aheadOfHigherRisk,
      aheadOfLongerWaiting,
      behindLowerRisk,
      behindShorterWaiting,
      tied: around(summary.buckets[me.bucket]!, w).same - 1,
    };
    const waitingMonths = waitingMonthsOf(me.c.waitingSince, todayCivil);
    entries.push({
      position: i + 1,
      case: me.c,
      waitingDays: w,
      waitingMonths,
      reasons,
      explanation: explainPosition({ position: i + 1, total: n, priority: me.c.priority, risk: me.c.risk, waitingDays: w, waitingMonths, nextWaitingDays: next ? next.days : null, reasons }),
    });
  }
  return ok(entries);
}

/** How many cases the histogram counts (the queue's total). */
export function queueTotal(histogram: readonly QueueHistogramRow[]): number {
  return histogram.reduce((sum, row) => sum + row.count, 0);
}
