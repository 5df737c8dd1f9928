import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BRACKETS, SEXES } from '../registration/vocabulary';
import { publishCoverage, type CoverageCount } from './coverage';

const count = (adminAreaCode: string, sex: CoverageCount['sex'], ageBracket: CoverageCount['ageBracket'], inNeed: number, targeted: number, reached: number): CoverageCount => ({ adminAreaCode, sex, ageBracket, inNeed, targeted, reached });

describe('publishCoverage', () => {
  it('shows large counts as they are, with coverage and the gap per area', () => {
    const published = publishCoverage([count('A', 'female', '18-59', 20, 12, 12), count('B', 'female', '18-59', 10, 8, 6)], 5);
    expect(published.areas).toEqual([
      { adminAreaCode: 'A', inNeed: 20, targeted: 12, reached: 12, coverage: 0.6, gap: false },
      { adminAreaCode: 'B', inNeed: 10, targeted: 8, reached: 6, coverage: 0.6, gap: false },
    ]);
    expect(published.totals).toEqual({ inNeed: 30, targeted: 20, reached: 18 });
    expect(publishCoverage([count('A', 'female', '18-59', 20, 5, 5)], 5).areas[0]!.gap).toBe(true);
  });

  it('never shows a count from 1 to k − 1, in a cell, an area or a total', () => {
    const arbitraryCount = fc.record({
      adminAreaCode: fc.constantFrom('A', 'B', 'C'),
      sex: fc.constantFrom(...SEXES),
      ageBracket: fc.constantFrom(...AGE_BRACKETS),
      inNeed: fc.nat(30),
      targeted: fc.nat(12),
      reached: fc.nat(8),
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
        return shown.every((value) => value === null || value === 0 || value >= k);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a withheld area\'s coverage and gap unknown rather than guessed', () => {
    const published = publishCoverage([count('A', 'female', '18-59', 30, 10, 10), count('B', 'male', '18-59', 3, 1, 0)], 5);
    const b = published.areas.find((area) => area.adminAreaCode === 'B')!;
    expect(b.inNeed).toBeNull();
    expect(b.coverage).toBeNull();
    expect(b.gap).toBeNull();
  });
});
