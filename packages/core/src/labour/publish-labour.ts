import { NOBODY, addKeyed, publishKeyedTable, type KeyedCount } from '../disclosure/cell-key';
import type { PublishedTable } from '../disclosure/table';
import type { KeyedRow } from '../disclosure/view-release';
import { ILO_FORCED_LABOUR_INDICATORS } from '../trafficking/vocabulary/ilo-indicators';
import { LABOUR_SECTOR_CODES } from './sectors';

/**
 * The labour layer's counts as keyed rows (core/disclosure/view-release.ts), and the layer
 * as it may be shown from them by the cell-key method.
 *
 * Two families per area:
 * - `workplaces`: every open workplace in one row, named by its sector and the set of ILO
 *   indicators ever reported there (`sector|code,code`); the key is the sum of the
 *   workplaces' record keys. Workplaces by sector, by indicator and "with indicators" are
 *   sums of these rows, so the same workplaces give the same number in every column.
 * - `people`: the people linked to a workplace in the area, each once (row ''); the key is
 *   the sum of the persons' record keys, the same keys the population views use.
 */
export const LABOUR_FAMILIES = ['workplaces', 'people'] as const;
export const INDICATOR_CODES: readonly string[] = ILO_FORCED_LABOUR_INDICATORS.map((indicator) => indicator.code);

export const workplaceRowKey = (sector: string, indicators: readonly string[]) => `${sector}|${[...new Set(indicators)].sort().join(',')}`;

export function parseWorkplaceRowKey(row: string): { sector: string; indicators: string[] } {
  const bar = row.indexOf('|');
  const indicators = row.slice(bar + 1);
  return { sector: row.slice(0, bar), indicators: indicators === '' ? [] : indicators.split(',') };
}

export interface PublishedLabourArea {
  adminAreaCode: string;
  workplaces: number | null;
  bySector: Record<string, number | null>;
  byIndicator: Record<string, number | null>;
  workplacesWithIndicators: number | null;
  peopleLinked: number | null;
}

export interface PublishedLabour {
  k: number;
  /** Sectors with at least one workplace, in the vocabulary's order (their columns). */
  sectors: string[];
  areas: PublishedLabourArea[];
}

/**
 * Every count is a count of its own (publishCount): workplaces per area, per area and
 * sector, per area and indicator reported, with any indicator, people linked. Nothing is
 * shown exactly, nothing under k is shown, and a workplace total minus its sectors is
 * noise minus noise.
 */
export function publishLabour(rows: readonly KeyedRow[], k: number): PublishedLabour {
  const areas = [...new Set(rows.filter((row) => row.n > 0).map((row) => row.area))].sort();
  const index = new Map(areas.map((area, i) => [area, i]));
  const matrix = (width: number): KeyedCount[][] => areas.map(() => Array.from({ length: width }, () => NOBODY));
  const sectorCells = matrix(LABOUR_SECTOR_CODES.length);
  const indicatorCells = matrix(INDICATOR_CODES.length);
  const withIndicators = matrix(1);
  const people = matrix(1);
  const sectorIndex = new Map<string, number>(LABOUR_SECTOR_CODES.map((code, j) => [code, j]));
  const indicatorIndex = new Map(INDICATOR_CODES.map((code, j) => [code, j]));
  for (const row of rows) {
    const i = index.get(row.area);
    if (i === undefined) continue;
    const count: KeyedCount = { n: row.n, keySum: row.keySum };
    if (row.family === 'people') {
      people[i]![0] = addKeyed(people[i]![0]!, count);
      continue;
    }
    if (row.family !== 'workplaces') continue;
    const { sector, indicators } = parseWorkplaceRowKey(row.row);
    const j = sectorIndex.get(sector);
    if (j !== undefined) sectorCells[i]![j] = addKeyed(sectorCells[i]![j]!, count);
    for (const code of indicators) {
      const c = indicatorIndex.get(code);
      if (c !== undefined) indicatorCells[i]![c] = addKeyed(indicatorCells[i]![c]!, count);
    }
    if (indicators.length > 0) withIndicators[i]![0] = addKeyed(withIndicators[i]![0]!, count);
  }
  const publish = (cells: KeyedCount[][], rowTotals: boolean): PublishedTable => publishKeyedTable({ cells }, { k, rowTotals, columnTotals: false, grandTotal: false });
  const bySector = publish(sectorCells, true);
  const byIndicator = publish(indicatorCells, false);
  const anyIndicator = publish(withIndicators, false);
  const linked = publish(people, false);
  // A sector's column appears when some cell of it is shown: its presence says no more than the cell.
  const used = LABOUR_SECTOR_CODES.map((code, j) => ({ code, j })).filter(({ j }) => bySector.cells.some((row) => row[j] !== null));
  return {
    k,
    sectors: used.map(({ code }) => code),
    areas: areas.map((adminAreaCode, i) => ({
      adminAreaCode,
      workplaces: bySector.rowTotals![i] ?? null,
      bySector: Object.fromEntries(used.map(({ code, j }) => [code, bySector.cells[i]![j] ?? null])),
      byIndicator: Object.fromEntries(INDICATOR_CODES.map((code, c) => [code, byIndicator.cells[i]![c] ?? null])),
      workplacesWithIndicators: anyIndicator.cells[i]![0] ?? null,
      peopleLinked: linked.cells[i]![0] ?? null,
    })),
  };
}
