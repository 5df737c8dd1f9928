import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draws = (seed: number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(draws(seed, 20)).toEqual(draws(seed, 20));
      expect(draws(seed, 20)).not.toEqual(draws(seed + 1, 20));
    }));
  });

  it('stays in range', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
      const random = createRandom(seed);
      for (let i = 0; i < 50; i++) {
        const x = random.next();
        expect(x >= 0 && x < 1).toBe(true);
        const n = random.int(min, min + span);
        expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
      }
    }));
  });

  it('is roughly uniform and follows weights', () => {
    const random = createRandom(7);
    const buckets = [0, 0, 0, 0];
    let heavy = 0;
    for (let i = 0; i < 40_000; i++) {
      buckets[Math.floor(random.next() * 4)]! += 1;
      if (random.weighted(['light', 'heavy'], (x) => (x === 'heavy' ? 3 : 1)) === 'heavy') heavy++;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(9_500);
    expect(heavy / 40_000).toBeGreaterThan(0.73);
    expect(heavy / 40_000).toBeLessThan(0.77);
  });
});
