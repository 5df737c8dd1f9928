import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalAttack, linearAlgebraAttack, type Observation } from './attacker';
import { ATOMS, cellKeyRange, LEVEL, observe, pinned, targets, type Atom, type Person } from './attacker-population';
import { cellKeyOf, feasibleRange, MAX_PERTURBATION, perturbationOf, publishCount, publishKeyedTable, RECORD_KEY_SPACE, sumKeyed, type KeyedCount } from './cell-key';

const K = 5;
const keyed = (keys: readonly number[]): KeyedCount => ({ n: keys.length, keySum: keys.reduce((a, b) => a + b, 0) % RECORD_KEY_SPACE });
const recordKeys = (n: number) => fc.array(fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }), { minLength: n, maxLength: n });

describe('the cell-key method', () => {
  it('gives the same people the same number, whatever order or table they are counted in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }), { maxLength: 60 }), fc.integer(), (keys, seed) => {
        const shuffled = [...keys].sort((a, b) => ((a ^ seed) % 7) - ((b ^ seed) % 7));
        expect(publishCount(keyed(shuffled), K)).toBe(publishCount(keyed(keys), K));
        // Summed from parts (as the ledgers and the views do), the key is the same.
        const half = Math.floor(keys.length / 2);
        expect(publishCount(sumKeyed([keyed(keys.slice(0, half)), keyed(keys.slice(half))]), K)).toBe(publishCount(keyed(keys), K));
      }),
    );
  });

  it('never shows a count under k as it is, shows nobody as withheld, and stays within D of the truth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }).chain((n) => recordKeys(n)), fc.integer({ min: 2, max: 11 }), (keys, k) => {
        const n = keys.length;
        const shown = publishCount(keyed(keys), k);
        if (n === 0) expect(shown).toBeNull();
        if (shown === null) return;
        expect(shown).toBeGreaterThanOrEqual(k);
        expect(Math.abs(shown - n)).toBeLessThanOrEqual(MAX_PERTURBATION);
        if (n < k) expect(shown).not.toBe(n);
        const range = feasibleRange(shown, k);
        expect(n).toBeGreaterThanOrEqual(range.min);
        expect(n).toBeLessThanOrEqual(range.max);
      }),
    );
  });

  it('states its error bound exactly: at most 2, so 10% at 20, 5% from 40, 1% from 200; and is unbiased', () => {
    expect(MAX_PERTURBATION).toBe(2);
    const draws = Array.from({ length: 5 * 1000 }, (_, i) => perturbationOf((i + 0.5) / 5000));
    expect(draws.reduce((a, b) => a + b, 0)).toBe(0);
    expect(new Set(draws)).toEqual(new Set([-2, -1, 0, 1, 2]));
  });

  it('never lets two shown counts that differ by the same people differ by both +2D and −2D (so their intervals never close)', () => {
    // δ(u) = e(u + τ) − e(u) for every u, at the step boundaries: for each τ the spread of δ stays under 4D.
    const steps = 2 * MAX_PERTURBATION + 1;
    const grid = 2000;
    for (let t = 1; t < grid; t++) {
      const tau = t / grid;
      let low = Infinity;
      let high = -Infinity;
      for (let i = 0; i < grid; i++) {
        const u = (i + 0.5) / grid;
        const delta = perturbationOf((u + tau) % 1) - perturbationOf(u);
        low = Math.min(low, delta);
        high = Math.max(high, delta);
      }
      expect(high - low, `τ = ${tau}`).toBeLessThan(4 * MAX_PERTURBATION);
    }
    expect(steps).toBe(5);
  });

  it('publishes totals as counts of their own (keys of their contributors summed)', () => {
    const cells = [[keyed([1, 2, 3, 4, 5, 6]), keyed([7])], [keyed([]), keyed([8, 9, 10, 11, 12, 13, 14])]];
    const published = publishKeyedTable({ cells }, { k: K, rowTotals: true, columnTotals: true, grandTotal: true });
    expect(published.cells[0]![1]).toBeNull();
    expect(published.cells[1]![0]).toBeNull();
    expect(published.rowTotals![0]).toBe(publishCount(keyed([1, 2, 3, 4, 5, 6, 7]), K));
    expect(published.grandTotal).toBe(publishCount(keyed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]), K));
    expect(cellKeyOf(RECORD_KEY_SPACE + 3)).toBe(cellKeyOf(3));
  });
});

// ---------------------------------------------------------------------------------------
// The attacker against every set the population views can show.
//
// People have an area (districts D1, D2 in governorate G1; D3 in G2), a sex, a risk level
// (or none) and whether they are at SGBV-domain risk. Every cell or total of every view
// (by area at either level, by sex; by level, by domain; with every filter) counts one set
// of the form area-or-governorate-or-all × sex-or-all × (everyone | a level | SGBV risk),
// and the cell-key method publishes a set's count the same wherever it appears; so
// publishing every such set once is every view at once. (Other dimensions, age, setting,
// legal status, are more of the same filters; they multiply the solver's work, not the
// kinds of relation an attacker gets.)
// ---------------------------------------------------------------------------------------


/** A population: for each person, their atom and record key. Small cells on purpose. */
const population = fc.array(fc.record({ atom: fc.integer({ min: 0, max: ATOMS.length - 1 }), key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }) }), {
  minLength: 15,
  maxLength: 70,
});

describe('the attacker, against every view at both area levels with every filter', () => {
  it('pins no count under k and learns no attribute of a small group, before or after one registration', async () => {
    await fc.assert(
      fc.asyncProperty(population, fc.record({ atom: fc.integer({ min: 0, max: ATOMS.length - 1 }), key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }) }), async (people, newcomer) => {
        const before = observe(people, cellKeyRange);
        const after = [...people, newcomer];
        const found = [
          ...linearAlgebraAttack(ATOMS.length, before, targets(people)),
          ...pinned(await intervalAttack(ATOMS.length, before, targets(people))),
        ];
        // Before and after together: the newcomer is one more person in one unknown atom
        // (variables ATOMS.length … 2·ATOMS.length − 1, each 0 or 1, summing to 1).
        const width = ATOMS.length;
        const newcomerAtoms = ATOMS.map((_, i) => width + i);
        const joint: Observation[] = [
          ...before,
          ...observe(after, cellKeyRange).map((o, i) => ({ ...o, atoms: [...before[i]!.atoms, ...o.atoms.map((a) => a + width)] })),
          { atoms: newcomerAtoms, min: 1, max: 1 },
          ...newcomerAtoms.map((a) => ({ atoms: [a], min: 0, max: 1 })),
        ];
        const afterTargets = targets(after).map((t) => ({ ...t, label: `after: ${t.label}`, atoms: [...t.atoms, ...t.atoms.map((a) => a + width)] }));
        const newcomerTargets = [...LEVEL.map((level) => ({ level, is: (a: Atom) => a.level === level })), { level: 'sgbv', is: (a: Atom) => a.sgbv }].map(({ level, is }) => {
          const atoms = ATOMS.flatMap((a, i) => (is(a) ? [width + i] : []));
          return { label: `newcomer is ${level}`, atoms, truth: is(ATOMS[newcomer.atom]!) ? 1 : 0 };
        });
        found.push(...pinned(await intervalAttack(2 * width, joint, [...afterTargets, ...newcomerTargets])));
        expect(found, JSON.stringify(found.slice(0, 5))).toEqual([]);
      }),
      { numRuns: Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.ATTACKER_RUNS ?? 4) },
    );
  }, 600_000);

  it('is not vacuous: against suppression per set with zeros shown, it pins small counts and learns attributes', async () => {
    // 7 people in D3: 6 women, 1 man (critical, SGBV risk). Published per set as the review found.
    const at = (district: Atom['district'], sex: Atom['sex'], level: Atom['level'], sgbv: boolean) =>
      ATOMS.findIndex((a) => a.district === district && a.sex === sex && a.level === level && a.sgbv === sgbv);
    const people: Person[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ atom: at('D3', 'female', 'medium', false), key: i })),
      { atom: at('D3', 'male', 'critical', true), key: 99 },
      ...Array.from({ length: 12 }, (_, i) => ({ atom: at('D1', 'female', 'low', false), key: 100 + i })),
    ];
    const suppressed = (count: KeyedCount) => (count.n === 0 || count.n >= K ? { min: count.n, max: count.n } : { min: 1, max: K - 1 });
    const observations = observe(people, suppressed);
    const found = [...linearAlgebraAttack(ATOMS.length, observations, targets(people)), ...pinned(await intervalAttack(ATOMS.length, observations, targets(people)))];
    const labels = found.map((f) => f.label);
    expect(labels).toContain('D3/male/everyone');
    expect(labels).toContain('not critical in D3/male/everyone');
    expect(labels).toContain('not sgbv in D3/male/everyone');
    // The same population under the cell-key method: nothing.
    const safe = observe(people, cellKeyRange);
    expect([...linearAlgebraAttack(ATOMS.length, safe, targets(people)), ...pinned(await intervalAttack(ATOMS.length, safe, targets(people)))]).toEqual([]);
  }, 600_000);
});
