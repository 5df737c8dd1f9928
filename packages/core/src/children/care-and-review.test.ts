import { describe, expect, it } from 'vitest';
import { checkCareArrangements, currentArrangement, type CareArrangement } from './care-arrangements';
import { overdueItems, type ChildDueItem } from './overdue';
import { careArrangementChanges, checkReviewSettings, nextReviewDate } from './review';

const arrangement = (over: Partial<CareArrangement>): CareArrangement => ({
  id: 'ca-1',
  childId: 'p-child',
  type: 'foster',
  carer: { kind: 'person', personId: 'p-aunt' },
  startDate: '2025-01-01',
  endDate: null,
  ...over,
});
const today = '2026-03-01';

describe('care arrangements', () => {
  const history = [
    arrangement({ id: 'ca-1', type: 'group_home', carer: { kind: 'carer_record', carerId: 'home-7' }, startDate: '2024-06-01', endDate: '2025-01-01' }),
    arrangement({ id: 'ca-2', type: 'kinship', startDate: '2025-01-01' }),
  ];

  it('accepts one arrangement ending the day the next starts, and finds the current one', () => {
    expect(checkCareArrangements(history, { today })).toEqual([]);
    expect(currentArrangement(history, 'p-child', '2024-12-31')?.id).toBe('ca-1');
    expect(currentArrangement(history, 'p-child', '2025-01-01')?.id).toBe('ca-2');
    expect(currentArrangement(history, 'p-child', '2024-01-01')).toBeNull();
    expect(currentArrangement(history, 'p-other', today)).toBeNull();
  });

  it('reports overlapping periods of the same child with overlapping_arrangements', () => {
    const overlapping = [...history, arrangement({ id: 'ca-3', type: 'foster', startDate: '2025-06-01', endDate: '2025-07-01' })];
    expect(checkCareArrangements(overlapping, { today })).toEqual([expect.objectContaining({ code: 'overlapping_arrangements', path: [2] })]);
    // Another child may be with the same carer at the same time.
    expect(checkCareArrangements([...history, arrangement({ id: 'ca-4', childId: 'p-sibling' })], { today })).toEqual([]);
  });

  it('reports dates out of order, impossible dates, future starts and a missing carer', () => {
    const problems = checkCareArrangements(
      [
        arrangement({ id: 'a', startDate: '2025-05-01', endDate: '2025-05-01' }),
        arrangement({ id: 'b', childId: 'c2', startDate: '2025-02-30' }),
        arrangement({ id: 'c', childId: 'c3', startDate: '2026-06-01' }),
        // Planned a month ahead: accepted.
        arrangement({ id: 'c2', childId: 'c5', startDate: '2026-04-01' }),
        arrangement({ id: 'd', childId: 'c4', carer: { kind: 'carer_record', carerId: ' ' } }),
      ],
      { today },
    );
    expect(problems.map((p) => [p.code, p.path.join('/')])).toEqual([
      ['dates_out_of_order', '0/endDate'],
      ['invalid_date', '1/startDate'],
      ['date_in_future', '2/startDate'],
      ['carer_required', '4/carer'],
    ]);
  });
});

describe('nextReviewDate', () => {
  it('is due after the interval (default 6 months; per-operation setting)', () => {
    expect(nextReviewDate({ decisionDate: '2026-01-15' })).toEqual({ dueDate: '2026-07-15', reason: 'interval' });
    expect(nextReviewDate({ decisionDate: '2026-01-15' }, { intervalMonths: 3 })).toEqual({ dueDate: '2026-04-15', reason: 'interval' });
    // A day missing from the target month becomes its last day.
    expect(nextReviewDate({ decisionDate: '2025-08-31' }, { intervalMonths: 6 }).dueDate).toBe('2026-02-28');
  });

  it('is due at once when the care arrangement changes after the decision', () => {
    const changes = [{ changedOn: '2026-01-15' }, { changedOn: '2026-03-10' }, { changedOn: '2026-02-20' }];
    expect(nextReviewDate({ decisionDate: '2026-01-15' }, { intervalMonths: 6 }, changes)).toEqual({ dueDate: '2026-02-20', reason: 'care_arrangement_change' });
    expect(nextReviewDate({ decisionDate: '2026-01-15' }, { intervalMonths: 1 }, changes)).toEqual({ dueDate: '2026-02-15', reason: 'interval' });
  });

  it('reads changes from a history and checks the setting', () => {
    const history = [arrangement({ startDate: '2025-01-01', endDate: '2026-02-01' }), arrangement({ id: 'x', startDate: '2026-02-01' }), arrangement({ childId: 'other', startDate: '2026-01-20' })];
    expect(careArrangementChanges(history, 'p-child')).toEqual([{ changedOn: '2026-02-01' }]);
    expect(checkReviewSettings({ intervalMonths: 6 })).toEqual([]);
    expect(checkReviewSettings({ intervalMonths: 0 }).map((p) => p.code)).toEqual(['invalid_interval']);
    expect(checkReviewSettings({ intervalMonths: 2.5 }).map((p) => p.code)).toEqual(['invalid_interval']);
  });
});

describe('overdueItems', () => {
  it('lists outstanding BIAs, BIDs and reviews past due, most overdue first', () => {
    const items: ChildDueItem[] = [
      { kind: 'review', id: 'r1', childId: 'c1', dueDate: '2026-02-01', doneOn: null },
      { kind: 'bia', id: 'b1', childId: 'c2', dueDate: '2026-02-27', doneOn: null },
      { kind: 'bid', id: 'd1', childId: 'c3', dueDate: '2026-01-10', doneOn: null },
      { kind: 'bia', id: 'b2', childId: 'c4', dueDate: '2026-01-01', doneOn: '2026-01-05' },
      { kind: 'bia', id: 'b3', childId: 'c5', dueDate: today, doneOn: null },
      { kind: 'bia', id: 'b4', childId: 'c6', dueDate: '2026-02-01', doneOn: null },
    ];
    expect(overdueItems(items, today).map((i) => [i.id, i.daysOverdue])).toEqual([
      ['d1', 50],
      ['b4', 28],
      ['r1', 28],
      ['b1', 2],
    ]);
  });
});
