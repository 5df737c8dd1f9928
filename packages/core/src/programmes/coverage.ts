import { MAX_PERTURBATION, publishKeyedTable, type KeyedCount } from '../disclosure/cell-key';
import type { PublishedTable } from '../disclosure/table';
import type { KeyedRow } from '../disclosure/view-release';
import { AGE_BRACKETS, SEXES, type AgeBracket, type Sex } from '../registration/vocabulary';

/** Estimated in need (matches the targeting rule), targeted (enrolled), reached (attended). */
export const COVERAGE_MEASURES = ['inNeed', 'targeted', 'reached'] as const;
export type CoverageMeasure = (typeof COVERAGE_MEASURES)[number];

/** Raw counts of one area × sex × age bracket, straight from the database. */
export interface CoverageCount {
  adminAreaCode: string | null;
  sex: Sex;
  ageBracket: AgeBracket;
  inNeed: number;
  targeted: number;
  reached: number;
  /** Sum of the record keys of the people counted in each measure (the cell-key method). */
  keys: Record<CoverageMeasure, number>;
}

export interface PublishedCoverageRow {
  adminAreaCode: string | null;
  sex: Sex;
  ageBracket: AgeBracket;
  inNeed: number | null;
  targeted: number | null;
  reached: number | null;
}

export interface PublishedCoverageArea {
  adminAreaCode: string | null;
  inNeed: number | null;
  targeted: number | null;
  reached: number | null;
  /** reached / in need, when both are shown and someone is in need; else null. */
  coverage: number | null;
  /** Coverage under the gap threshold; null when it cannot be told from what is shown. */
  gap: boolean | null;
}

export interface PublishedCoverage {
  k: number;
  gapThreshold: number;
  areas: PublishedCoverageArea[];
  rows: PublishedCoverageRow[];
  totals: Record<CoverageMeasure, number | null>;
  suppressed: { primary: number; secondary: number };
}

/**
 * Coverage as keyed rows (core/disclosure/view-release.ts): one family per measure, one row
 * per area × sex × age bracket (`sex|bracket`), so a release keeps and compares exactly what
 * is published. Rows nobody is in are left out.
 */
export function coverageRows(counts: readonly CoverageCount[]): KeyedRow[] {
  return counts.flatMap((count) =>
    COVERAGE_MEASURES.filter((measure) => count[measure] > 0).map((measure) => ({
      family: measure,
      area: count.adminAreaCode ?? '',
      row: `${count.sex}|${count.ageBracket}`,
      n: count[measure],
      keySum: count.keys[measure],
    })),
  );
}

/** The counts a set of keyed rows holds (the inverse of coverageRows; '' is no area). */
export function coverageCountsOf(rows: readonly KeyedRow[]): CoverageCount[] {
  const counts = new Map<string, CoverageCount>();
  for (const row of rows) {
    const measure = COVERAGE_MEASURES.find((m) => m === row.family);
    if (measure === undefined) continue;
    const id = `${row.area}\u0000${row.row}`;
    const [sex, ageBracket] = row.row.split('|') as [Sex, AgeBracket];
    const count = counts.get(id) ?? { adminAreaCode: row.area === '' ? null : row.area, sex, ageBracket, inNeed: 0, targeted: 0, reached: 0, keys: { inNeed: 0, targeted: 0, reached: 0 } };
    count[measure] += row.n;
    count.keys[measure] += row.keySum;
    counts.set(id, count);
  }
  return [...counts.values()];
}

const GROUPS: readonly { sex: Sex; ageBracket: AgeBracket }[] = SEXES.flatMap((sex) => AGE_BRACKETS.map((ageBracket) => ({ sex, ageBracket })));

/**
 * Coverage as it may be shown: each measure is its own area × (sex, age bracket) table,
 * published by the cell-key method (core/disclosure/cell-key.ts) with area totals, group
 * totals and the grand total, each a count of its own: the same people reached give the
 * same number wherever they are counted, a programme that reached 3 shows "fewer than k"
 * (or at least k, never 3), and nobody is withheld like any small count.
 */
export function publishCoverage(counts: readonly CoverageCount[], k: number, gapThreshold = 0.5): PublishedCoverage {
  const areaCodes = [...new Set(counts.map((count) => count.adminAreaCode))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const areaIndex = new Map(areaCodes.map((code, i) => [code, i]));
  const groupIndex = new Map(GROUPS.map((group, j) => [`${group.sex}|${group.ageBracket}`, j]));
  const published = Object.fromEntries(
    COVERAGE_MEASURES.map((measure) => {
      const cells: KeyedCount[][] = areaCodes.map(() => GROUPS.map(() => ({ n: 0, keySum: 0 })));
      for (const count of counts) {
        const j = groupIndex.get(`${count.sex}|${count.ageBracket}`);
        if (j === undefined) continue;
        const cell = cells[areaIndex.get(count.adminAreaCode)!]![j]!;
        cell.n += count[measure];
        cell.keySum += count.keys[measure];
      }
      const raw = cells.map((row) => row.map((cell) => cell.n));
      return [measure, { raw, table: publishKeyedTable({ cells }, { k, rowTotals: true, columnTotals: true, grandTotal: true }) }];
    }),
  ) as Record<CoverageMeasure, { raw: number[][]; table: PublishedTable }>;

  const areas = areaCodes.map((adminAreaCode, i): PublishedCoverageArea => {
    const [inNeed, targeted, reached] = COVERAGE_MEASURES.map((measure) => published[measure].table.rowTotals![i] ?? null) as [number | null, number | null, number | null];
    const coverage = inNeed !== null && reached !== null && inNeed > 0 ? reached / inNeed : null;
    return { adminAreaCode, inNeed, targeted, reached, coverage, gap: gapOf(inNeed, reached, coverage, k, gapThreshold) };
  });
  const rows: PublishedCoverageRow[] = [];
  areaCodes.forEach((adminAreaCode, i) =>
    GROUPS.forEach((group, j) => {
      // Rows nobody is in are left out; their zeros say nothing the totals do not.
      if (COVERAGE_MEASURES.every((measure) => published[measure].raw[i]![j] === 0)) return;
      rows.push({
        adminAreaCode,
        ...group,
        inNeed: published.inNeed.table.cells[i]![j]!,
        targeted: published.targeted.table.cells[i]![j]!,
        reached: published.reached.table.cells[i]![j]!,
      });
    }),
  );
  const sum = (f: (t: PublishedTable) => number) => COVERAGE_MEASURES.reduce((a, m) => a + f(published[m].table), 0);
  return {
    k,
    gapThreshold,
    areas,
    rows,
    totals: { inNeed: published.inNeed.table.grandTotal ?? null, targeted: published.targeted.table.grandTotal ?? null, reached: published.reached.table.grandTotal ?? null },
    suppressed: { primary: sum((t) => t.suppressed.primary), secondary: sum((t) => t.suppressed.secondary) },
  };
}

/**
 * A gap is told from what is shown. Where the reached count is withheld (shown under k, so
 * truly at most k - 1 + MAX_PERTURBATION, nobody included) beside a shown need, the area is
 * a gap whenever even that many would fall under the threshold: a programme that reached
 * nobody in a district of 40 in need is a gap, not unknown. Nothing is published that the
 * withheld cell and the stated bound do not already say.
 */
function gapOf(inNeed: number | null, reached: number | null, coverage: number | null, k: number, gapThreshold: number): boolean | null {
  if (coverage !== null) return coverage < gapThreshold;
  if (inNeed === null || inNeed <= 0 || reached !== null) return null;
  return (k - 1 + MAX_PERTURBATION) / inNeed < gapThreshold ? true : null;
}
