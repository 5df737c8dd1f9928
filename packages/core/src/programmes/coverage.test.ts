import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_KEY_SPACE } from '../disclosure/cell-key';
import { AGE_BRACKETS, SEXES } from '../registration/vocabulary';
import { publishCoverage, type CoverageCount } from './coverage';

/** Counts with key sums as the database gives them: each measure's people's record keys summed. */
const count = (adminAreaCode: string, sex: CoverageCount['sex'], ageBracket: CoverageCount['ageBracket'], inNeed: number, targeted: number, reached: number, seed = 1): CoverageCount => ({
  adminAreaCode,
  sex,
  ageBracket,
  inNeed,
  targeted,
  reached,
  keys: { inNeed: (seed * 2654435761) % RECORD_KEY_SPACE, targeted: (seed * 40503 + 7) % RECORD_KEY_SPACE, reached: (seed * 7919 + 13) % RECORD_KEY_SPACE },
});

describe('publishCoverage', () => {
  it('shows large counts within 2 of the truth (the cell-key bound), with coverage and the gap per area', () => {
    const published = publishCoverage([count('A', 'female', '18-59', 20, 12, 12, 3), count('B', 'female', '18-59', 10, 8, 6, 5)], 5);
    const truth = { A: [20, 12, 12], B: [10, 8, 6] } as const;
    for (const area of published.areas) {
      const [inNeed, targeted, reached] = truth[area.adminAreaCode as 'A' | 'B'];
      for (const [shown, real] of [[area.inNeed, inNeed], [area.targeted, targeted], [area.reached, reached]] as const) {
        // Withheld only where the perturbed count fell under k.
        if (shown === null) expect(real).toBeLessThanOrEqual(6);
        else expect(Math.abs(shown - real)).toBeLessThanOrEqual(2);
      }
      // Coverage and gap are computed from the shown counts only.
      if (area.reached !== null && area.inNeed !== null) {
        expect(area.coverage).toBe(area.reached / area.inNeed);
        expect(area.gap).toBe(area.coverage! < 0.5);
      } else expect(area.gap).toBeNull();
    }
    // The same people give the same number: an area with one group shows its row's numbers.
    const a = published.areas.find((area) => area.adminAreaCode === 'A')!;
    const row = published.rows.find((r) => r.adminAreaCode === 'A')!;
    expect([row.inNeed, row.targeted, row.reached]).toEqual([a.inNeed, a.targeted, a.reached]);
  });

  it('never shows a count under k as it is, in a cell, an area or a total, and shows nobody as withheld', () => {
    const arbitraryCount = fc.record({
      adminAreaCode: fc.constantFrom('A', 'B', 'C'),
      sex: fc.constantFrom(...SEXES),
      ageBracket: fc.constantFrom(...AGE_BRACKETS),
      inNeed: fc.nat(30),
      targeted: fc.nat(12),
      reached: fc.nat(8),
      keys: fc.record({ inNeed: fc.nat(RECORD_KEY_SPACE - 1), targeted: fc.nat(RECORD_KEY_SPACE - 1), reached: fc.nat(RECORD_KEY_SPACE - 1) }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCount, { maxLength: 12 }), fc.integer({ min: 2, max: 11 }), (counts, k) => {
        const published = publishCoverage(counts, k);
        const shown = [
          ...published.rows.flatMap((row) => [row.inNeed, row.targeted, row.reached]),
          ...published.areas.flatMap((area) => [area.inNeed, area.targeted, area.reached]),
          published.totals.inNeed,
          published.totals.targeted,
          published.totals.reached,
        ];
        return shown.every((value) => value === null || value >= k);
      }),
      { numRuns: 200 },
    );
  });

  it('shows a programme that reached 3 as "fewer than k" or moved up to k, never 3 or 0', () => {
    for (let seed = 1; seed < 50; seed++) {
      const reached = publishCoverage([count('A', 'female', '18-59', 30, 10, 3, seed)], 5).areas[0]!.reached;
      expect(reached === null || reached >= 5).toBe(true);
    }
  });

  it('leaves a withheld area\'s coverage and gap unknown rather than guessed', () => {
    const published = publishCoverage([count('A', 'female', '18-59', 30, 10, 10), count('B', 'male', '18-59', 2, 1, 0)], 5);
    const b = published.areas.find((area) => area.adminAreaCode === 'B')!;
    expect(b.inNeed).toBeNull();
    expect(b.coverage).toBeNull();
    expect(b.gap).toBeNull();
  });
  it('calls an area that reached nobody (withheld) of a large need a gap, by the stated bound alone', () => {
    const published = publishCoverage([count('A', 'female', '18-59', 40, 0, 0), count('B', 'male', '18-59', 8, 0, 0)], 5);
    const a = published.areas.find((area) => area.adminAreaCode === 'A')!;
    expect(a.reached).toBeNull();
    expect(a.coverage).toBeNull();
    // At most k - 1 + 2 = 6 reached of at least 38 in need: under half, whatever the perturbation.
    expect(a.gap).toBe(true);
    // Of 8 in need (shown 6 to 10), 6 reached would be over half: not told.
    expect(published.areas.find((area) => area.adminAreaCode === 'B')!.gap).toBeNull();
  });
});
