import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS } from '../registration/vocabulary';
import { TODAY } from './fixtures.test-helpers';
import { resettlementQueue, type QueueCase, type QueueWindow } from './queue';
import { queueHistogram, queuePage, queueTotal } from './queue-page';
import { RESETTLEMENT_PRIORITIES } from './vocabulary';

/**
 * The page explained from a histogram and a slice read in queue order must be exactly the
 * same window of `resettlementQueue` over every case: positions, reasons, texts.
 */

/** Mostly a few weeks up to TODAY (ties on days are common), sometimes a future or unreadable date (0 days). */
const waitingSince = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 55 }).map((d) => new Date(Date.UTC(2026, 9, 1 + d)).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => new Date(Date.UTC(2026, 10, 25 + d)).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('0044-03-15 BC', '10000-01-01', 'soon', '2023-02-29', '0001-01-01', '2026-11-25') },
);

const caseArbitrary = (caseId: string): fc.Arbitrary<QueueCase> =>
  fc.record({
    caseId: fc.constant(caseId),
    priority: fc.constantFrom(...RESETTLEMENT_PRIORITIES),
    risk: fc.constantFrom(...RISK_LEVELS),
    waitingSince,
  });

/** Unique ids (case ids are primary keys), with shapes that sort differently as text and as numbers. */
const casesArbitrary = fc
  .uniqueArray(fc.oneof(fc.nat({ max: 500 }).map(String), fc.string({ minLength: 1, maxLength: 6 })), { maxLength: 60 })
  .chain((ids) => fc.tuple(...ids.map(caseArbitrary)));

/** Offsets and limits past the end too; either may be left out. */
const windowArbitrary: fc.Arbitrary<QueueWindow> = fc.record({ offset: fc.integer({ min: 0, max: 70 }), limit: fc.integer({ min: 0, max: 70 }) }, { requiredKeys: [] });

/** What the database returns: the window with one neighbour either side, in queue order. */
function sliceFor(cases: readonly QueueCase[], window: QueueWindow) {
  const order = resettlementQueue(cases, TODAY).map((e) => e.case);
  const first = Math.max(0, Math.min(order.length, window.offset ?? 0));
  const last = Math.min(order.length, window.limit === undefined ? order.length : first + window.limit);
  const start = Math.max(0, first - 1);
  return { start, cases: order.slice(start, Math.min(order.length, last + 1)) };
}

describe('resettlement queue page from a histogram', () => {
  it('equals the whole-queue explanation for every window', () => {
    fc.assert(
      fc.property(casesArbitrary, windowArbitrary, (cases, window) => {
        const page = queuePage(queueHistogram(cases), sliceFor(cases, window), TODAY, window);
        expect(page).toEqual({ ok: true, value: resettlementQueue(cases, TODAY, window) });
      }),
      { numRuns: 300 },
    );
  });

  it('counts the whole queue', () => {
    fc.assert(
      fc.property(casesArbitrary, (cases) => {
        expect(queueTotal(queueHistogram(cases))).toBe(cases.length);
      }),
    );
  });

  it('refuses a slice in another order than the queue', () => {
    fc.assert(
      fc.property(
        casesArbitrary.filter((cases) => cases.length >= 2),
        fc.nat(),
        (cases, pick) => {
          const slice = sliceFor(cases, {});
          const i = pick % (slice.cases.length - 1);
          const swapped = [...slice.cases];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          const page = queuePage(queueHistogram(cases), { start: 0, cases: swapped }, TODAY, {});
          expect(page.ok).toBe(false);
          if (!page.ok) expect(page.error.map((p) => p.code)).toContain('queue_slice_out_of_order');
        },
      ),
    );
  });

  it('refuses a slice that misses the window or a neighbour', () => {
    fc.assert(
      fc.property(
        casesArbitrary.filter((cases) => cases.length >= 3),
        fc.nat(),
        (cases, pick) => {
          const offset = 1 + (pick % (cases.length - 2));
          const slice = sliceFor(cases, { offset, limit: 1 });
          // Without the case before the window (needed for "behind the previous case because").
          const page = queuePage(queueHistogram(cases), { start: slice.start + 1, cases: slice.cases.slice(1) }, TODAY, { offset, limit: 1 });
          expect(page.ok).toBe(false);
          if (!page.ok) expect(page.error.map((p) => p.code)).toContain('queue_slice_incomplete');
        },
      ),
    );
  });

  it('refuses a slice at positions its histogram cannot hold', () => {
    fc.assert(
      fc.property(
        casesArbitrary.filter((cases) => cases.length >= 1),
        (cases) => {
          // A slice of the whole queue placed after its own end.
          const slice = sliceFor(cases, {});
          const page = queuePage(queueHistogram(cases), { start: cases.length, cases: slice.cases }, TODAY, {});
          expect(page.ok).toBe(false);
          if (!page.ok) expect(page.error.map((p) => p.code)).toContain('queue_slice_not_counted');
        },
      ),
    );
  });
});

describe('resettlement queue page examples', () => {
  const c = (caseId: string, priority: QueueCase['priority'], risk: QueueCase['risk'], since: string): QueueCase => ({ caseId, priority, risk, waitingSince: since });
  const cases = [
    c('e1', 'emergency', 'critical', '2025-09-20'),
    c('n1', 'normal', 'critical', '2024-01-01'),
    c('n2', 'normal', 'critical', '2025-01-01'),
    c('n3', 'normal', 'high', '2023-01-01'),
    c('u1', 'urgent', 'medium', '2026-10-01'),
    c('u2', 'urgent', 'high', '2026-11-01'),
    c('u3', 'urgent', 'high', '2026-11-01'),
  ];

  it('explains position 4 of 7 from the histogram and its neighbours only', () => {
    const page = queuePage(queueHistogram(cases), { start: 2, cases: [cases[6]!, cases[4]!, cases[1]!] }, TODAY, { offset: 3, limit: 1 });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.map((e) => [e.position, e.case.caseId])).toEqual([[4, 'u1']]);
    expect(page.value[0]!.explanation.en).toBe(
      'Position 4 of 7: urgent priority; medium risk; waiting 1 month. Ahead of the next case because its priority is higher. ' +
        'Ahead of 3 lower-priority cases with higher risk because priority comes first. ' +
        'Behind 2 higher-risk cases of the same priority that waited less, because risk comes before waiting time.',
    );
  });

  it('is empty past the end, and for an empty queue', () => {
    expect(queuePage(queueHistogram(cases), { start: 6, cases: [] }, TODAY, { offset: 9, limit: 5 })).toEqual({ ok: true, value: [] });
    expect(queuePage([], { start: 0, cases: [] }, TODAY, { offset: 0, limit: 50 })).toEqual({ ok: true, value: [] });
  });
});
