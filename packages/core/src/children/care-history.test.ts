import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoFromDays } from '../population/civil-date';
import { checkCareArrangements, type CareArrangement } from './care-arrangements';
import { checkCarerAge, correctArrangement, endArrangement, startArrangement } from './care-history';

const today = '2026-03-01';
const arrangement = (over: Partial<CareArrangement>): CareArrangement => ({
  id: 'ca-1',
  childId: 'p-child',
  type: 'foster',
  carer: { kind: 'person', personId: 'p-aunt' },
  startDate: '2025-01-01',
  endDate: null,
  ...over,
});

describe('a care history a child-protection officer keeps', () => {
  const history = [arrangement({ id: 'old', startDate: '2024-01-01', endDate: '2025-01-01' }), arrangement({ id: 'open', type: 'kinship', startDate: '2025-01-01' })];

  it('ends the open arrangement the day a later one starts, even one planned a month ahead', () => {
    expect(startArrangement(history, arrangement({ id: 'new', startDate: '2026-02-01' }), today)).toEqual({ ok: true, value: { closes: { id: 'open', endDate: '2026-02-01' } } });
    expect(startArrangement(history, arrangement({ id: 'new', startDate: '2026-04-01' }), today)).toEqual({ ok: true, value: { closes: { id: 'open', endDate: '2026-04-01' } } });
  });

  it('refuses a period that shares a day with another, whichever starts first, and a start far ahead', () => {
    const codes = (candidate: CareArrangement) => {
      const started = startArrangement(history, candidate, today);
      return started.ok ? [] : started.error.map((p) => `${p.code} ${p.path.join('/')}`);
    };
    expect(codes(arrangement({ id: 'n', startDate: '2023-06-01' }))).toEqual(['overlapping_arrangements startDate']);
    expect(codes(arrangement({ id: 'n', startDate: '2024-06-01', endDate: '2024-07-01' }))).toEqual(['overlapping_arrangements startDate']);
    expect(codes(arrangement({ id: 'n', startDate: '2025-01-01' }))).toEqual(['overlapping_arrangements startDate']);
    expect(codes(arrangement({ id: 'n', startDate: '2023-01-01', endDate: '2024-01-01' }))).toEqual([]);
    expect(codes(arrangement({ id: 'n', startDate: '2026-12-01' }))).toEqual(['date_in_future startDate']);
    expect(codes(arrangement({ id: 'n', startDate: '2026-02-01', endDate: '2026-01-01' }))).toEqual(['dates_out_of_order endDate']);
  });

  it('ends an open arrangement once, after it starts', () => {
    expect(endArrangement(history, 'open', '2026-02-01', today)).toMatchObject({ ok: true, value: { id: 'open', endDate: '2026-02-01' } });
    expect(endArrangement(history, 'open', '2024-12-01', today)).toMatchObject({ ok: false, error: [{ code: 'dates_out_of_order', path: ['endDate'] }] });
    expect(endArrangement(history, 'old', '2025-01-01', today)).toMatchObject({ ok: false, error: [{ code: 'already_ended', path: ['endDate'] }] });
  });

  it('corrects an entry only into a history that still holds together', () => {
    expect(correctArrangement(history, arrangement({ id: 'open', type: 'kinship', carer: { kind: 'carer_record', carerId: 'aunt' }, startDate: '2025-02-01' }), today).ok).toBe(true);
    expect(correctArrangement(history, arrangement({ id: 'open', startDate: '2024-06-01' }), today)).toMatchObject({ ok: false, error: [{ code: 'overlapping_arrangements' }] });
  });

  it('refuses a carer under 18 except as the head of a child-headed household; an unknown age is not refused', () => {
    expect(checkCarerAge('foster', 10)).toEqual([expect.objectContaining({ code: 'carer_is_a_child', path: ['carer', 'personId'] })]);
    expect(checkCarerAge('child_headed_household', 16)).toEqual([]);
    expect(checkCarerAge('foster', 18)).toEqual([]);
    expect(checkCarerAge('kinship', null)).toEqual([]);
  });
});

const BASE = daysFromCivil(2024, 1, 1);
const day = fc.integer({ min: 0, max: 900 }).map((n) => isoFromDays(BASE + n));
const candidateArb = fc.record({ start: day, end: fc.option(day, { nil: null }) });

describe('care history properties', () => {
  it('whatever is added, an accepted start leaves a history with no problems; a refused one is never accepted by the history check', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 8 }), (candidates) => {
        let history: CareArrangement[] = [];
        candidates.forEach((c, i) => {
          const candidate = arrangement({ id: `a${i}`, startDate: c.start, endDate: c.end });
          const started = startArrangement(history, candidate, '2026-06-30');
          if (!started.ok) return;
          const closes = started.value.closes;
          history = [...history.map((a) => (closes && a.id === closes.id ? { ...a, endDate: closes.endDate } : a)), candidate];
          expect(checkCareArrangements(history, { today: '2026-06-30' })).toEqual([]);
        });
      }),
    );
  });
});
