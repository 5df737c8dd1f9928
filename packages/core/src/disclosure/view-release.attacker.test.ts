import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalAttack, linearAlgebraAttack, type Finding, type Observation, type Target } from './attacker';
import { feasibleRange, publishCount, RECORD_KEY_SPACE, sumKeyed, type KeyedCount } from './cell-key';
import { planViewRelease, type KeyedRow } from './view-release';

// ---------------------------------------------------------------------------------------
// The attacker against programme coverage and the labour layer, before and after single
// writes (issue 12 §2): an enrolment, an unenrolment (coverage's `targeted`), a workplace
// link (the labour layer's people linked). An aggregate-only reader asks every set the view
// can show after every write, the release cut after every write (worse than daily) by the
// application's own planViewRelease, and is told the district of every write and how many
// joined and left. Attendance (`reached`) and in-need are the same kind of family.
//
// Coverage's sets: each district or all × each sex and age bracket or all (every cell, every
// area total, every group total and the grand total of publishCoverage). The labour layer's
// people linked: one count per district (publishLabour shows no other).
// ---------------------------------------------------------------------------------------

const K = 5;
const DISTRICTS = ['D1', 'D2', 'D3'] as const;
type District = (typeof DISTRICTS)[number];
const runs = Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.ATTACKER_RUNS ?? 4);

interface Model {
  family: string;
  atoms: readonly { district: District; row: string }[];
  /** Every set the view shows, as atoms. */
  sets: readonly number[][];
  /** What a reader could learn of one person beyond the district they were told. */
  attributes: readonly { label: string; atoms: readonly number[] }[];
}

const GROUPS = ['female|18-59', 'female|60+', 'male|18-59', 'male|60+'] as const;
const coverage: Model = (() => {
  const atoms = DISTRICTS.flatMap((district) => GROUPS.map((row) => ({ district, row })));
  const places = [null, ...DISTRICTS];
  const groups = [null, ...GROUPS];
  const sets = places.flatMap((place) => groups.map((group) => atoms.flatMap((a, i) => ((place === null || a.district === place) && (group === null || a.row === group) ? [i] : []))));
  const attributes = [
    { label: 'female', atoms: atoms.flatMap((a, i) => (a.row.startsWith('female') ? [i] : [])) },
    { label: '60+', atoms: atoms.flatMap((a, i) => (a.row.endsWith('60+') ? [i] : [])) },
  ];
  return { family: 'targeted', atoms, sets, attributes };
})();
const labourPeople: Model = { family: 'people', atoms: DISTRICTS.map((district) => ({ district, row: '' })), sets: DISTRICTS.map((_, i) => [i]), attributes: [] };

interface Person {
  id: number;
  atom: number;
  key: number;
}

const keyedOf = (people: readonly Person[]): KeyedCount => ({ n: people.length, keySum: people.reduce((a, p) => a + p.key, 0) % RECORD_KEY_SPACE });
const rowsOf = (model: Model, people: readonly Person[]): KeyedRow[] =>
  model.atoms.flatMap((atom, i) => {
    const count = keyedOf(people.filter((p) => p.atom === i));
    return count.n === 0 ? [] : [{ family: model.family, area: atom.district, row: atom.row, n: count.n, keySum: count.keySum }];
  });
const countOfRows = (model: Model, rows: readonly KeyedRow[], atoms: readonly number[]) =>
  sumKeyed(rows.filter((r) => atoms.some((i) => model.atoms[i]!.district === r.area && model.atoms[i]!.row === r.row)).map((r) => ({ n: r.n, keySum: r.keySum })));
const shownOf = (model: Model, rows: readonly KeyedRow[]) => model.sets.map((atoms) => publishCount(countOfRows(model, rows, atoms), K));
const observe = (model: Model, rows: readonly KeyedRow[]): Observation[] => model.sets.map((atoms, i) => ({ atoms, ...feasibleRange(shownOf(model, rows)[i]!, K) }));

/**
 * Before and after a release moved district d: stayers s, joiners p and leavers m since d's
 * last refresh, one unknown per atom each; the released view before counts s + m, after s + p;
 * the reader knows how many joined and left (all in d), and that a set whose shown count
 * changed holds at least one of them. Targets: every set of d under k after the change, and
 * for joiners and leavers, whether all or none of them share an attribute.
 */
async function attackRefresh(
  model: Model,
  before: KeyedRow[],
  after: KeyedRow[],
  district: District,
  joined: readonly Person[],
  left: readonly Person[],
  /** The people the release counts after the cut (truth, for the targets' labels and which are small). */
  afterPeople: readonly Person[],
): Promise<Finding[]> {
  const width = model.atoms.length;
  const [s, p, m] = [(a: number) => a, (a: number) => width + a, (a: number) => 2 * width + a];
  const inDistrict = model.atoms.flatMap((a, i) => (a.district === district ? [i] : []));
  const [was, now] = [shownOf(model, before), shownOf(model, after)];
  const joint: Observation[] = [
    ...observe(model, before).map((o) => ({ ...o, atoms: [...o.atoms.map(s), ...o.atoms.map(m)] })),
    ...observe(model, after).map((o) => ({ ...o, atoms: [...o.atoms.map(s), ...o.atoms.map(p)] })),
    ...model.sets.flatMap((atoms, i) => (was[i] !== now[i] ? [{ atoms: [...atoms.map(p), ...atoms.map(m)], min: 1, max: joined.length + left.length }] : [])),
    { atoms: inDistrict.map(p), min: joined.length, max: joined.length },
    { atoms: inDistrict.map(m), min: left.length, max: left.length },
    ...model.atoms.flatMap((a, i) => (a.district === district ? [] : [{ atoms: [p(i)], min: 0, max: 0 }, { atoms: [m(i)], min: 0, max: 0 }])),
  ];
  const truthIn = (atoms: readonly number[]) => afterPeople.filter((person) => atoms.includes(person.atom)).length;
  const small: Target[] = model.sets
    .filter((atoms) => atoms.some((i) => inDistrict.includes(i)) && truthIn(atoms) < K)
    .map((atoms) => ({ label: `after: ${atoms.join(',')}`, atoms: [...atoms.map(s), ...atoms.map(p)], truth: truthIn(atoms) }));
  const changers = [
    { who: 'joiners', of: p, count: joined.length },
    { who: 'leavers', of: m, count: left.length },
  ].filter((c) => c.count > 0);
  const attributeTargets = changers.flatMap(({ who, of }) =>
    model.attributes.map((attribute) => ({ label: `${who} ${attribute.label}`, atoms: attribute.atoms.filter((i) => inDistrict.includes(i)).map(of), truth: -1 })),
  );
  const found = await intervalAttack(3 * width, joint, [...small, ...attributeTargets]);
  const countOf = (label: string) => changers.find((c) => label.startsWith(c.who))?.count ?? 0;
  return [
    ...found.filter((f) => f.label.startsWith('after') && f.min === f.max),
    ...found.filter((f) => !f.label.startsWith('after') && (f.max === 0 || f.min === countOf(f.label))),
    ...linearAlgebraAttack(3 * width, joint, small),
  ];
}

type Write = { kind: 'join'; atom: number; key: number } | { kind: 'leave'; pick: number };

/** Runs writes one at a time, cutting after each; checks what a single write may move, and attacks the first refresh. */
/** How many runs reached a refresh and were attacked (so the property is not passing by never attacking). */
const attacks = { coverage: 0, people: 0 } as Record<string, number>;

async function play(model: Model, initial: readonly Omit<Person, 'id'>[], writes: readonly Write[]): Promise<Finding[]> {
  let nextId = 0;
  const live: Person[] = initial.map((p) => ({ ...p, id: nextId++ }));
  let releasedPeople: Person[] = [];
  let released: KeyedRow[] = [];
  const cut = () => {
    const plan = planViewRelease(rowsOf(model, live), released, K);
    const moved = new Set(plan.refreshed.map((group) => group.slice(group.indexOf(' ') + 1)));
    const nextPeople = [...releasedPeople.filter((p) => !moved.has(model.atoms[p.atom]!.district)), ...live.filter((p) => moved.has(model.atoms[p.atom]!.district))];
    // The application's rows are exactly the released people's: the model keeps up with it.
    expect(shownOf(model, plan.rows)).toEqual(shownOf(model, rowsOf(model, nextPeople)));
    return { plan, moved: [...moved] as District[], nextPeople };
  };
  ({ nextPeople: releasedPeople } = cut());
  released = rowsOf(model, releasedPeople);
  const found: Finding[] = [];
  let attacked = false;
  for (const write of writes) {
    if (write.kind === 'join') live.push({ id: nextId++, atom: write.atom, key: write.key });
    else if (live.length > 0) live.splice(write.pick % live.length, 1);
    const { plan, moved, nextPeople } = cut();
    const changed = shownOf(model, released).some((v, i) => v !== shownOf(model, plan.rows)[i]);
    // A single write moves no published number unless it completes k changes in its district.
    if (moved.length === 0) expect(changed).toBe(false);
    for (const district of moved) {
      const was = new Set(releasedPeople.filter((p) => model.atoms[p.atom]!.district === district).map((p) => p.id));
      const is = new Set(live.filter((p) => model.atoms[p.atom]!.district === district).map((p) => p.id));
      const joined = live.filter((p) => is.has(p.id) && !was.has(p.id));
      const left = releasedPeople.filter((p) => was.has(p.id) && !is.has(p.id));
      expect(joined.length + left.length, district).toBeGreaterThanOrEqual(K);
      if (!attacked) {
        attacked = true;
        attacks[model.family === 'targeted' ? 'coverage' : 'people']!++;
        found.push(...(await attackRefresh(model, released, plan.rows, district, joined, left, nextPeople)));
      }
    }
    releasedPeople = nextPeople;
    released = plan.rows;
  }
  return found;
}

const person = (model: Model, inD1: number) =>
  fc.record({
    // Three in four in D1, so D1 is released within a run.
    atom: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: inD1 - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: model.atoms.length - 1 }) }),
    key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }),
  });

const inD1Only = (inD1: number) => fc.record({ atom: fc.integer({ min: 0, max: inD1 - 1 }), key: fc.integer({ min: 0, max: RECORD_KEY_SPACE - 1 }) });

describe('the attacker against programme coverage and the labour layer, before and after every single write', () => {
  it('coverage (enrolments and unenrolments): a single write moves nothing; a refresh pins no count under k and no attribute of who joined or left', async () => {
    const inD1 = GROUPS.length;
    const write = fc.oneof(
      { weight: 3, arbitrary: person(coverage, inD1).map((p): Write => ({ kind: 'join', ...p })) },
      { weight: 1, arbitrary: fc.nat().map((pick): Write => ({ kind: 'leave', pick })) },
    );
    await fc.assert(
      // Five enrolments in D1 close every run, so every run reaches a refresh to attack.
      fc.asyncProperty(fc.array(person(coverage, inD1), { minLength: 10, maxLength: 40 }), fc.array(write, { minLength: 12, maxLength: 20 }), fc.array(inD1Only(inD1), { minLength: 5, maxLength: 5 }), async (initial, writes, closing) => {
        const found = await play(coverage, initial, [...writes, ...closing.map((p): Write => ({ kind: 'join', ...p }))]);
        expect(found, JSON.stringify(found.slice(0, 5))).toEqual([]);
      }),
      { numRuns: runs },
    );
    expect(attacks.coverage).toBeGreaterThan(0);
  }, 600_000);

  it('labour (workplace links): a single link moves nothing; a refresh pins no count under k', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person(labourPeople, 1), { minLength: 3, maxLength: 20 }), fc.array(person(labourPeople, 1), { minLength: 7, maxLength: 15 }), fc.array(inD1Only(1), { minLength: 5, maxLength: 5 }), async (initial, some, closing) => {
        const links = [...some, ...closing];
        const found = await play(labourPeople, initial, links.map((p): Write => ({ kind: 'join', ...p })));
        expect(found, JSON.stringify(found.slice(0, 5))).toEqual([]);
      }),
      { numRuns: runs },
    );
    expect(attacks.people).toBeGreaterThan(0);
  }, 600_000);

  it('is not vacuous: against live coverage, one enrolment shows the newcomer’s sex and age', async () => {
    const at = (row: string) => coverage.atoms.findIndex((a) => a.district === 'D1' && a.row === row);
    const people: Person[] = Array.from({ length: 24 }, (_, i) => ({ id: i, atom: at(GROUPS[i % 4]!), key: (i * 2_654_435_761) % RECORD_KEY_SPACE }));
    const before = rowsOf(coverage, people);
    const group = coverage.sets.findIndex((atoms) => atoms.length === 1 && atoms[0] === at('female|60+'));
    // A woman of 60+ whose enrolment moves the shown count of her group of six (four keys in five do).
    let key = 1;
    while (shownOf(coverage, rowsOf(coverage, [...people, { id: 99, atom: at('female|60+'), key }]))[group] === shownOf(coverage, before)[group]) key += 7_919;
    const joiner = { id: 99, atom: at('female|60+'), key };
    const after = [...people, joiner];
    const found = await attackRefresh(coverage, before, rowsOf(coverage, after), 'D1', [joiner], [], after);
    expect(found.map((f) => f.label)).toEqual(expect.arrayContaining(['joiners female', 'joiners 60+']));
  }, 600_000);
});
