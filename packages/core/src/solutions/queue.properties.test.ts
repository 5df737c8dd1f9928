import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS } from '../registration/vocabulary';
import { TODAY } from './fixtures.test-helpers';
import { resettlementQueue, type QueueCase } from './queue';
import { RESETTLEMENT_PRIORITIES } from './vocabulary';

const PRIORITY_RANK = { emergency: 0, urgent: 1, normal: 2 } as const;
const RISK_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

const caseArbitrary = (caseId: string): fc.Arbitrary<QueueCase> =>
  fc.record({
    caseId: fc.constant(caseId),
    priority: fc.constantFrom(...RESETTLEMENT_PRIORITIES),
    risk: fc.constantFrom(...RISK_LEVELS),
    // A small range of dates up to TODAY (2026-11-25) so that ties on waiting time are common;
    // future dates count as no wait, which the unit tests cover.
    waitingSince: fc.integer({ min: 0, max: 55 }).map((d) => new Date(Date.UTC(2026, 9, 1 + d)).toISOString().slice(0, 10)),
  });

/** Unique ids (case ids are primary keys), with shapes that sort differently as text and as numbers. */
const casesArbitrary = fc
  .uniqueArray(fc.oneof(fc.nat({ max: 500 }).map(String), fc.string({ minLength: 1, maxLength: 6 })), { maxLength: 60 })
  .chain((ids) => fc.tuple(...ids.map(caseArbitrary)));

/** The documented key: priority, then risk, then earlier waitingSince (= longer wait), then case id. */
function compareDocumented(a: QueueCase, b: QueueCase): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    RISK_RANK[a.risk] - RISK_RANK[b.risk] ||
    (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : 0) ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  );
}

describe('resettlement queue properties', () => {
  it('is a permutation of the input', () => {
    fc.assert(
      fc.property(casesArbitrary, (cases) => {
        const queue = resettlementQueue(cases, TODAY);
        expect(queue.map((e) => e.case).sort(compareDocumented)).toEqual([...cases].sort(compareDocumented));
        expect(new Set(queue.map((e) => e.case))).toEqual(new Set(cases));
      }),
    );
  });

  it('is sorted by the documented key, strictly (ids are unique)', () => {
    fc.assert(
      fc.property(casesArbitrary, (cases) => {
        const queue = resettlementQueue(cases, TODAY);
        for (let i = 1; i < queue.length; i++) {
          expect(compareDocumented(queue[i - 1]!.case, queue[i]!.case)).toBeLessThan(0);
        }
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(casesArbitrary.chain((cases) => fc.tuple(fc.constant(cases), fc.shuffledSubarray(cases, { minLength: cases.length }))), ([cases, shuffled]) => {
        const a = resettlementQueue(cases, TODAY);
        const b = resettlementQueue(shuffled, TODAY);
        expect(b.map((e) => e.case.caseId)).toEqual(a.map((e) => e.case.caseId));
        expect(b.map((e) => e.explanation)).toEqual(a.map((e) => e.explanation));
      }),
    );
  });

  it('counts match a direct check against every other case', () => {
    fc.assert(
      fc.property(casesArbitrary, (cases) => {
        const queue = resettlementQueue(cases, TODAY);
        queue.forEach((entry, i) => {
          const me = entry.case;
          const after = queue.slice(i + 1).map((e) => e.case);
          const before = queue.slice(0, i).map((e) => e.case);
          const r = entry.reasons;
          expect(r.aheadOfHigherRisk).toBe(after.filter((o) => RISK_RANK[o.risk] < RISK_RANK[me.risk]).length);
          expect(r.behindLowerRisk).toBe(before.filter((o) => RISK_RANK[o.risk] > RISK_RANK[me.risk]).length);
          expect(r.aheadOfLongerWaiting).toBe(after.filter((o) => o.priority === me.priority && o.waitingSince < me.waitingSince).length);
          expect(r.behindShorterWaiting).toBe(before.filter((o) => o.priority === me.priority && o.waitingSince > me.waitingSince).length);
          expect(r.tied).toBe(cases.filter((o) => o !== me && o.priority === me.priority && o.risk === me.risk && o.waitingSince === me.waitingSince).length);
          const next = queue[i + 1]?.case;
          const factor = !next ? null : next.priority !== me.priority ? 'priority' : next.risk !== me.risk ? 'risk' : next.waitingSince !== me.waitingSince ? 'waiting' : 'case_id';
          expect(r.aheadOfNextBecause).toBe(factor);
        });
      }),
    );
  });
});
