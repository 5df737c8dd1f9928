/**
 * The attacker the disclosure tests run (not used by the application): given what was
 * published about sets of people, as ranges their true counts must lie in, it solves for
 * the counts of other sets. The population is unknown: one non-negative whole number per
 * "atom" (a combination of every dimension's value the views can tell apart); a published
 * count says the sum over its atoms lies in [min, max].
 *
 * Two strategies, both sound (what they conclude is true of every population consistent
 * with what was published):
 * - exact linear algebra over the integers on the counts published exactly (min = max):
 *   the independent attacker of the per-table suppression tests, generalised to any sets;
 * - interval bounds by linear programming (HiGHS): the least and greatest value a set can
 *   take under every published range, tightened to whole numbers, and confirmed by mixed
 *   integer programming when the range is narrow.
 */
import type { Highs } from 'highs';

export interface Observation {
  atoms: readonly number[];
  min: number;
  max: number;
}

export interface Target {
  label: string;
  atoms: readonly number[];
  /** The true value: used only to report what was found, never to find it. */
  truth: number;
}

export interface Finding {
  label: string;
  truth: number;
  min: number;
  max: number;
  strategy: 'linear-algebra' | 'intervals';
}

/** Rank by fraction-free elimination over BigInt: exact. */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const factor = m[i]![c]!;
      const lead = m[r]![c]!;
      m[i] = m[i]!.map((value, j) => value * lead - m[r]![j]! * factor);
      const divisor = m[i]!.reduce((g, v) => gcd(g, v < 0n ? -v : v), 0n);
      if (divisor > 1n) m[i] = m[i]!.map((v) => v / divisor);
    }
    r++;
  }
  return r;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const indicator = (atoms: readonly number[], width: number): bigint[] => {
  const row = new Array<bigint>(width).fill(0n);
  for (const atom of atoms) row[atom] = 1n;
  return row;
};

/**
 * Targets whose value follows exactly from the counts published exactly: a set's
 * indicator in the row space of the exact observations (adding it does not raise the
 * rank). Sets appearing in the observations themselves are left out (they were published).
 */
export function linearAlgebraAttack(atomCount: number, observations: readonly Observation[], targets: readonly Target[]): Finding[] {
  const exact = observations.filter((o) => o.min === o.max);
  if (exact.length === 0) return [];
  const rows = exact.map((o) => indicator(o.atoms, atomCount));
  const base = rank(rows);
  return targets
    .filter((t) => rank([...rows, indicator(t.atoms, atomCount)]) === base)
    .map((t) => ({ label: t.label, truth: t.truth, min: t.truth, max: t.truth, strategy: 'linear-algebra' as const }));
}

let solver: Promise<Highs> | undefined;
const highs = () => (solver ??= import('highs').then((module) => module.default()));

function model(atomCount: number, observations: readonly Observation[], objective: readonly number[], sense: 'Minimize' | 'Maximize', integer: boolean): string {
  const term = (atoms: readonly number[]) => (atoms.length === 0 ? '0 x0' : atoms.map((a) => `x${a}`).join(' + '));
  const lines = [sense, ` obj: ${term(objective)}`, 'Subject To'];
  observations.forEach((o, i) => {
    lines.push(` l${i}: ${term(o.atoms)} >= ${o.min}`);
    lines.push(` u${i}: ${term(o.atoms)} <= ${o.max}`);
  });
  lines.push('Bounds');
  for (let a = 0; a < atomCount; a++) lines.push(` x${a} >= 0`);
  if (integer) lines.push('General', ` ${Array.from({ length: atomCount }, (_, a) => `x${a}`).join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

async function optimum(atomCount: number, observations: readonly Observation[], target: readonly number[], sense: 'Minimize' | 'Maximize', integer: boolean): Promise<number> {
  const solved = (await highs()).solve(model(atomCount, observations, target, sense, integer), { output_flag: false });
  if (solved.Status !== 'Optimal') throw new Error(`the published ranges admit no population (${solved.Status}): the layer contradicted itself`);
  return solved.ObjectiveValue;
}

/**
 * Each target's least and greatest value over every population the ranges allow (the
 * linear relaxation, tightened to whole numbers; where that leaves at most `narrow` + 1
 * values, whole-number programming decides exactly).
 */
export async function intervalAttack(atomCount: number, observations: readonly Observation[], targets: readonly Target[], narrow = 2): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const target of targets) {
    let min = Math.ceil((await optimum(atomCount, observations, target.atoms, 'Minimize', false)) - 1e-6);
    let max = Math.floor((await optimum(atomCount, observations, target.atoms, 'Maximize', false)) + 1e-6);
    if (max - min <= narrow && min < max) {
      min = Math.round(await optimum(atomCount, observations, target.atoms, 'Minimize', true));
      max = Math.round(await optimum(atomCount, observations, target.atoms, 'Maximize', true));
    }
    found.push({ label: target.label, truth: target.truth, min, max, strategy: 'intervals' });
  }
  return found;
}
