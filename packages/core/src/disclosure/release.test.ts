import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalAttack, type Finding, type Observation } from './attacker';
import { ATOMS, cellKeyRange, K, keyed, LEVEL, observe, SETS, targets, type Atom, type Person } from './attacker-population';
import { publishCount, RECORD_KEY_SPACE } from './cell-key';
import { peopleChangedAtLeast, planRelease, type AreaChange } from './release';

describe('what a release cut may refresh', () => {
  it('counts the fewest people who can have changed: newcomers one each, a move or a swap one per two rows', () => {
    expect(peopleChangedAtLeast({ area: 'A', net: 4, movements: 4 })).toBe(4);
    expect(peopleChangedAtLeast({ area: 'A', net: 0, movements: 2 })).toBe(1);
    expect(peopleChangedAtLeast({ area: 'A', net: -1, movements: 3 })).toBe(2);
    expect(peopleChangedAtLeast({ area: 'A', net: 0, movements: 9 })).toBe(5);
  });

  it('refreshes an area only with at least k people changed, holds the rest, and ignores areas where nothing moved', () => {
    const changes: AreaChange[] = [
      { area: 'five-new', net: 5, movements: 5 },
      { area: 'four-new', net: 4, movements: 4 },
      { area: 'four-moved', net: 0, movements: 8 },
      { area: 'five-moved', net: 0, movements: 10 },
      { area: 'still', net: 0, movements: 0 },
    ];
    expect(planRelease(changes, 5)).toEqual({ refresh: ['five-moved', 'five-new'], held: ['four-moved', 'four-new'] });
  });
});

// ---------------------------------------------------------------------------------------
// The attacker before and after single writes (issue 12 §2): an aggregate-only reader asks
// every view of the release (every set any view can show, attacker-population.ts) after each
// registration, with the release cut after every write (worse than the daily schedule), and
// knows which district each registration was in and how many there were.
// ---------------------------------------------------------------------------------------

const districtOf = (person: Person) => ATOMS[person.atom]!.district;
const D1_ATOMS = ATOMS.flatMap((a, i) => (a.district === 'D1' ? [i] : []));

/** What moved per district between released and live people, as the SQL measures it per ledger row (an atom here). */
function changesOf(live: readonly Person[], released: readonly Person[]): AreaChange[] {
  const byRow = new Map<number, { n: number; key: number }>();
  const add = (p: Person, sign: number) => {
    const row = byRow.get(p.atom) ?? { n: 0, key: 0 };
    byRow.set(p.atom, { n: row.n + sign, key: (((row.key + sign * p.key) % RECORD_KEY_SPACE) + RECORD_KEY_SPACE) % RECORD_KEY_SPACE });
  };
  live.forEach((p) => add(p, 1));
  released.forEach((p) => add(p, -1));
  const areas = new Map<string, AreaChange>();
  for (const [atom, row] of byRow) {
    if (row.n === 0 && row.key === 0) continue;
    const area = ATOMS[atom]!.district;
    const change = areas.get(area) ?? { area, net: 0, movements: 0 };
    areas.set(area, { area, net: change.net + row.n, movements: change.movements + Math.abs(row.n) + (row.n === 0 ? 2 : 0) });
  }
  return [...areas.values()];
}

/** A cut: refreshed districts take their live people, the others keep their released ones. */
function cut(live: readonly Person[], released: readonly Person[]): { released: Person[]; refreshed: string[] } {
  const plan = planRelease(changesOf(live, released), K);
  const fresh = new Set(plan.refresh);
  return { released: [...released.filter((p) => !fresh.has(districtOf(p))), ...live.filter((p) => fresh.has(districtOf(p)))], refreshed: plan.refresh };
}

const shown = (people: readonly Person[]) => SETS.map(({ atoms }) => publishCount(keyed(people.filter((p) => atoms.includes(p.atom)).map((p) => p.key)), K));

/**
 * Before and after a release moved district d: the released people before (x, unknown), the
 * newcomers since d's last refresh (y, c of them, all in d, unknown where), every published
 * range before and after, and "a set whose shown count changed holds at least one newcomer".
 */
async function attackBatch(before: readonly Observation[], after: readonly Observation[], changed: readonly number[], district: Atom['district'], c: number, small: ReturnType<typeof targets>) {
  const width = ATOMS.length;
  const y = (atom: number) => width + atom;
  const inDistrict = ATOMS.flatMap((a, i) => (a.district === district ? [i] : []));
  const joint: Observation[] = [
    ...before,
    ...after.map((o) => ({ ...o, atoms: [...o.atoms, ...o.atoms.map(y)] })),
    ...changed.map((i) => ({ atoms: SETS[i]!.atoms.map(y), min: 1, max: c })),
    { atoms: inDistrict.map(y), min: c, max: c },
    ...ATOMS.flatMap((a, i) => (a.district === district ? [] : [{ atoms: [y(i)], min: 0, max: 0 }])),
  ];
  const attributes = [...LEVEL.map((level) => ({ label: level, is: (a: Atom) => a.level === level })), { label: 'sgbv', is: (a: Atom) => a.sgbv }];
  const batchTargets = attributes.map(({ label, is }) => ({ label: `newcomers ${label}`, atoms: inDistrict.filter((i) => is(ATOMS[i]!)).map(y), truth: -1 }));
  // Sets outside the district did not move: the static attacker (cell-key.test.ts) covers them.
  const afterTargets = small
    .filter((t) => t.atoms.some((i) => ATOMS[i]!.district === district))
    .map((t) => ({ ...t, label: `after: ${t.label}`, atoms: [...t.atoms, ...t.atoms.map(y)] }));
  const found = await intervalAttack(2 * width, joint, [...batchTargets, ...afterTargets]);
  // A newcomer's attribute is learned when every newcomer provably has it (min = c) or provably none has (max = 0).
  const learned = found.filter((f) => f.label.startsWith('newcomers') && (f.max === 0 || f.min === c));
  const pinnedSmall = found.filter((f) => f.label.startsWith('after') && f.min === f.max);
  return [...learned, ...pinnedSmall];
}

const newcomer = fc.record({
  // Three in four join D1, so releases of D1 happen within a run.
  atom: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...D1_ATOMS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: ATOMS.length - 1 }) }),
  key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }),
});
const population = fc.array(fc.record({ atom: fc.integer({ min: 0, max: ATOMS.length - 1 }), key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }) }), { minLength: 15, maxLength: 45 });

describe('the attacker, asking every view of the release before and after every single registration', () => {
  it('sees nothing move for a single write, and when an area moves, pins no count under k and learns no newcomer attribute', async () => {
    await fc.assert(
      fc.asyncProperty(population, fc.array(newcomer, { minLength: 6, maxLength: 12 }), async (initial, writes) => {
        const live: Person[] = [...initial];
        let released = cut(live, []).released;
        // People not yet in the release (a district that had fewer than k) count as changes there.
        const arrivals = new Map<string, number>();
        for (const person of live) if (!released.includes(person)) arrivals.set(districtOf(person), (arrivals.get(districtOf(person)) ?? 0) + 1);
        const found: Finding[] = [];
        let attacked = false;
        for (const write of writes) {
          live.push(write);
          arrivals.set(districtOf(write), (arrivals.get(districtOf(write)) ?? 0) + 1);
          const next = cut(live, released);
          const [was, now] = [shown(released), shown(next.released)];
          const changed = SETS.flatMap((_, i) => (was[i] !== now[i] ? [i] : []));
          // A single write moves nothing unless it completes k changes in its area.
          if (next.refreshed.length === 0) expect(changed).toEqual([]);
          for (const district of next.refreshed) expect(arrivals.get(district) ?? 0, district).toBeGreaterThanOrEqual(K);
          // The first release that moves an area is attacked in full (later ones have the same shape).
          if (next.refreshed.length > 0 && !attacked) {
            attacked = true;
            // Only the written district can complete k changes at this cut.
            expect(next.refreshed).toEqual([districtOf(write)]);
            const district = districtOf(write);
            found.push(
              ...(await attackBatch(observe(released, cellKeyRange), observe(next.released, cellKeyRange), changed, district, arrivals.get(district)!, targets(next.released))),
            );
          }
          for (const district of next.refreshed) arrivals.set(district, 0);
          released = next.released;
        }
        expect(found, JSON.stringify(found.slice(0, 5))).toEqual([]);
      }),
      { numRuns: Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.ATTACKER_RUNS ?? 4) },
    );
  }, 600_000);

  it('is not vacuous: against live figures, one registration shows its newcomer’s level', async () => {
    const at = (level: Atom['level']) => ATOMS.findIndex((a) => a.district === 'D1' && a.sex === 'female' && a.level === level && !a.sgbv);
    const levels: Atom['level'][] = ['low', 'medium', 'critical'];
    const people: Person[] = Array.from({ length: 30 }, (_, i) => ({ atom: at(levels[i % 3]!), key: (i * 2_654_435_761) % RECORD_KEY_SPACE }));
    const critical = SETS.findIndex((s) => s.definition.place === 'D1' && s.definition.sex === 'all' && s.definition.column === 'critical');
    // A newcomer at critical whose arrival moves the shown count of D1's ten critical (four keys in five do).
    let key = 1;
    while (shown([...people, { atom: at('critical'), key }])[critical] === shown(people)[critical]) key += 7_919;
    const after = [...people, { atom: at('critical'), key }];
    const [was, now] = [shown(people), shown(after)];
    const changed = SETS.flatMap((_, i) => (was[i] !== now[i] ? [i] : []));
    const found = await attackBatch(observe(people, cellKeyRange), observe(after, cellKeyRange), changed, 'D1', 1, []);
    expect(found.map((f) => f.label)).toContain('newcomers critical');
  }, 600_000);
});
