import { protectTable } from '../disclosure/protect-table';
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

const GROUPS: readonly { sex: Sex; ageBracket: AgeBracket }[] = SEXES.flatMap((sex) => AGE_BRACKETS.map((ageBracket) => ({ sex, ageBracket })));

/**
 * Coverage as it may be shown: each measure is its own area × (sex, age bracket) table,
 * protected by core/disclosure with area totals, group totals and the grand total
 * published, so the map's per-area numbers and the table's cells are the same protected
 * figures. The measures are not summed with each other (a person is in several), so
 * their tables are protected one by one.
 */
export function publishCoverage(counts: readonly CoverageCount[], k: number, gapThreshold = 0.5): PublishedCoverage {
  const areaCodes = [...new Set(counts.map((count) => count.adminAreaCode))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const areaIndex = new Map(areaCodes.map((code, i) => [code, i]));
  const groupIndex = new Map(GROUPS.map((group, j) => [`${group.sex}|${group.ageBracket}`, j]));
  const published = Object.fromEntries(
    COVERAGE_MEASURES.map((measure) => {
      const cells = areaCodes.map(() => new Array<number>(GROUPS.length).fill(0));
      for (const count of counts) {
        const j = groupIndex.get(`${count.sex}|${count.ageBracket}`);
        if (j === undefined) continue;
        cells[areaIndex.get(count.adminAreaCode)!]![j]! += count[measure];
      }
      return [measure, { raw: cells, table: protectTable({ cells }, { k, rowTotals: true, columnTotals: true, grandTotal: true }) }];
    }),
  ) as Record<CoverageMeasure, { raw: number[][]; table: ReturnType<typeof protectTable> }>;

  const areas = areaCodes.map((adminAreaCode, i): PublishedCoverageArea => {
    const [inNeed, targeted, reached] = COVERAGE_MEASURES.map((measure) => published[measure].table.rowTotals![i] ?? null) as [number | null, number | null, number | null];
    const coverage = inNeed !== null && reached !== null && inNeed > 0 ? reached / inNeed : null;
    return { adminAreaCode, inNeed, targeted, reached, coverage, gap: coverage === null ? null : coverage < gapThreshold };
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
  const sum = (f: (t: ReturnType<typeof protectTable>) => number) => COVERAGE_MEASURES.reduce((a, m) => a + f(published[m].table), 0);
  return {
    k,
    gapThreshold,
    areas,
    rows,
    totals: { inNeed: published.inNeed.table.grandTotal ?? null, targeted: published.targeted.table.grandTotal ?? null, reached: published.reached.table.grandTotal ?? null },
    suppressed: { primary: sum((t) => t.suppressed.primary), secondary: sum((t) => t.suppressed.secondary) },
  };
}
