/**
 * The population the disclosure attackers work on (tests only, like attacker.ts): people with a
 * district (D1, D2 in governorate G1; D3 in G2), a sex, a risk level (or none) and whether they
 * are at SGBV-domain risk. Every cell or total of every view (by area at either level, by sex;
 * by level, by domain; with every filter) counts one set of the form
 * area-or-governorate-or-all × sex-or-all × (everyone | a level | SGBV risk), and the cell-key
 * method publishes a set's count the same wherever it appears; so publishing every such set
 * once is every view at once.
 */
import type { linearAlgebraAttack, Observation, Target } from './attacker';
import { feasibleRange, publishCount, RECORD_KEY_SPACE, type KeyedCount } from './cell-key';

export const K = 5;
export const keyed = (keys: readonly number[]): KeyedCount => ({ n: keys.length, keySum: keys.reduce((a, b) => a + b, 0) % RECORD_KEY_SPACE });

export const DISTRICTS = ['D1', 'D2', 'D3'] as const;
export const GOVERNORATE: Record<(typeof DISTRICTS)[number], string> = { D1: 'G1', D2: 'G1', D3: 'G2' };
export const SEX = ['female', 'male'] as const;
export const LEVEL = ['low', 'medium', 'high', 'critical', 'unscreened'] as const;
export const SGBV = [false, true] as const;

export interface Atom {
  district: (typeof DISTRICTS)[number];
  sex: (typeof SEX)[number];
  level: (typeof LEVEL)[number];
  sgbv: boolean;
}
export const ATOMS: Atom[] = DISTRICTS.flatMap((district) =>
  SEX.flatMap((sex) => LEVEL.flatMap((level) => SGBV.map((sgbv) => ({ district, sex, level, sgbv })))),
);

export type Place = 'all' | 'G1' | 'G2' | (typeof DISTRICTS)[number];
export type Column = 'everyone' | (typeof LEVEL)[number] | 'sgbv';
export interface SetDefinition {
  place: Place;
  sex: 'all' | Atom['sex'];
  column: Column;
}
export const PLACES: Place[] = ['all', 'G1', 'G2', ...DISTRICTS];
export const COLUMNS: Column[] = ['everyone', ...LEVEL, 'sgbv'];
export const DEFINITIONS: SetDefinition[] = PLACES.flatMap((place) => (['all', ...SEX] as const).flatMap((sex) => COLUMNS.map((column) => ({ place, sex, column }))));
export const inSet = (d: SetDefinition, a: Atom) =>
  (d.place === 'all' || d.place === a.district || d.place === GOVERNORATE[a.district]) &&
  (d.sex === 'all' || d.sex === a.sex) &&
  (d.column === 'everyone' || (d.column === 'sgbv' ? a.sgbv : d.column === a.level));
export const atomsOf = (d: SetDefinition) => ATOMS.flatMap((a, i) => (inSet(d, a) ? [i] : []));
export const nameOf = (d: SetDefinition) => `${d.place}/${d.sex}/${d.column}`;

export type Person = { atom: number; key: number };

export const countOf = (people: readonly Person[], atoms: ReadonlySet<number>): KeyedCount => keyed(people.filter((p) => atoms.has(p.atom)).map((p) => p.key));

/** Every published set, as the ranges a reader can deduce (the method is public). */
// Definitions naming the same people (G2 and its only district D3) are one set, published once.
export const SETS: Array<{ definition: SetDefinition; atoms: number[] }> = [
  ...new Map(DEFINITIONS.map((definition) => [atomsOf(definition).join(','), { definition, atoms: atomsOf(definition) }])).values(),
];

export function observe(people: readonly Person[], publish: (count: KeyedCount) => { min: number; max: number }): Observation[] {
  return SETS.map(({ atoms }) => ({ atoms, ...publish(countOf(people, new Set(atoms))) }));
}
export const cellKeyRange = (count: KeyedCount) => feasibleRange(publishCount(count, K), K);

/** Targets: every published set under k, and for each small group (area × sex) whether all of it shares a level or SGBV risk. */
export function targets(people: readonly Person[]): Target[] {
  const truth = (atoms: readonly number[]) => countOf(people, new Set(atoms)).n;
  const small = SETS.filter(({ atoms }) => truth(atoms) < K).map(({ definition, atoms }) => ({ label: nameOf(definition), atoms, truth: truth(atoms) }));
  const groups = SETS.map((set) => set.definition).filter((d) => d.column === 'everyone' && truth(atomsOf(d)) > 0 && truth(atomsOf(d)) < K);
  const others = groups.flatMap((g) =>
    [...LEVEL.map((level) => ({ column: level, other: (a: Atom) => a.level !== level })), { column: 'sgbv', other: (a: Atom) => !a.sgbv }].map(({ column, other }) => {
      const atoms = atomsOf(g).filter((i) => other(ATOMS[i]!));
      return { label: `not ${column} in ${nameOf(g)}`, atoms, truth: truth(atoms) };
    }),
  );
  return [...small, ...others];
}

/** A target is pinned when the attacker narrows it to one value; an attribute is learned when "nobody in the group lacks it" is proved. */
export const pinned = (findings: ReturnType<typeof linearAlgebraAttack>) => findings.filter((f) => f.min === f.max);
