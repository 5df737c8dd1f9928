import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoFromDays } from '../population/civil-date';
import { checkCareArrangements, type CareArrangement } from './care-arrangements';
import { canCompleteSolutionStep } from './left-behind';
import { CHILD_OVERDUE_KINDS, overdueItems, type ChildDueItem } from './overdue';
import { nextReviewDate } from './review';

const BASE = daysFromCivil(2024, 1, 1);
const dateArb = fc.integer({ min: 0, max: 1500 }).map((n) => isoFromDays(BASE + n));
const today = isoFromDays(BASE + 800);

const itemArb: fc.Arbitrary<ChildDueItem> = fc.record({
  kind: fc.constantFrom(...CHILD_OVERDUE_KINDS),
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  childId: fc.constantFrom('c1', 'c2', 'c3'),
  dueDate: dateArb,
  doneOn: fc.option(dateArb, { nil: null }),
});

describe('overdueItems properties', () => {
  it('does not depend on input order, and is ordered most overdue first', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 30 }).chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))), ([items, shuffled]) => {
        const listed = overdueItems(items, today);
        expect(overdueItems(shuffled, today)).toEqual(listed);
        for (let i = 1; i < listed.length; i++) expect(listed[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(listed[i]!.daysOverdue);
        expect(listed.length).toBe(items.filter((x) => x.doneOn === null && x.dueDate < today).length);
        for (const item of listed) expect(item.daysOverdue).toBeGreaterThan(0);
      }),
    );
  });
});

describe('nextReviewDate properties', () => {
  const changesArb = fc.array(dateArb.map((changedOn) => ({ changedOn })), { maxLength: 6 });
  it('adding a change of care arrangement never makes the next review later', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 24 }), changesArb, dateArb, (decisionDate, intervalMonths, changes, extra) => {
        const before = nextReviewDate({ decisionDate }, { intervalMonths }, changes);
        const after = nextReviewDate({ decisionDate }, { intervalMonths }, [...changes, { changedOn: extra }]);
        expect(after.dueDate <= before.dueDate).toBe(true);
        // …and the review is always after the decision, never later than the interval.
        expect(after.dueDate > decisionDate).toBe(true);
        expect(after.dueDate <= nextReviewDate({ decisionDate }, { intervalMonths }).dueDate).toBe(true);
      }),
    );
  });
});

describe('care arrangement properties', () => {
  it('back-to-back periods never overlap, in any input order; squeezing one in always does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 8 }), fc.boolean(), fc.nat(), (lengths, lastOpen, seed) => {
        let start = BASE;
        const history: CareArrangement[] = lengths.map((length, i) => {
          const a: CareArrangement = {
            id: `ca-${i}`,
            childId: 'c1',
            type: 'kinship',
            carer: { kind: 'person', personId: `carer-${i}` },
            startDate: isoFromDays(start),
            endDate: i === lengths.length - 1 && lastOpen ? null : isoFromDays(start + length),
          };
          start += length;
          return a;
        });
        const context = { today: isoFromDays(BASE + 5000) };
        expect(checkCareArrangements([...history].reverse(), context)).toEqual([]);
        const inside = history[seed % history.length]!;
        const squeezed = { ...inside, id: 'extra', startDate: inside.startDate, endDate: null };
        expect(checkCareArrangements([...history, squeezed], context).map((p) => p.code)).toContain('overlapping_arrangements');
      }),
    );
  });
});

describe('canCompleteSolutionStep properties', () => {
  it('completes exactly when every flagged child has a decision on this step', () => {
    const ids = fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'));
    const decisionArb = fc.record({ childId: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), solutionStepId: fc.constantFrom('s', 't', null) });
    fc.assert(
      fc.property(ids, fc.array(decisionArb, { maxLength: 8 }), (flagged, decisions) => {
        const result = canCompleteSolutionStep({ id: 's' }, flagged.map((childId) => ({ childId })), decisions);
        const missing = flagged.filter((c) => !decisions.some((d) => d.childId === c && d.solutionStepId === 's'));
        expect(result.ok).toBe(missing.length === 0);
        if (!result.ok) expect(result.error.map((p) => p.path[1])).toEqual(missing);
      }),
    );
  });
});
