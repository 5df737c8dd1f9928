import type { PublishedTable, PublishOptions } from './table';

/**
 * The cell-key method (Thompson, Broadfoot and Elazar 2013; the ABS TableBuilder's; see
 * docs/ARCHITECTURE.md "Disclosure control: the cell-key method" for why this one).
 *
 * Every person carries a permanent random record key, a whole number in [0, 2^32), stored
 * with them and never shown. A cell's key is the sum of its people's record keys modulo
 * 2^32: the same people make the same key wherever they are counted (a map, a report, an
 * export, next week), and the rollup ledgers keep the sum beside the count, so no scan is
 * needed to find it. The published value is a fixed function of (count, cell key):
 *
 * - every count gets a perturbation e in [−D, D] read from the cell key alone through a
 *   public table (uniform on −D … D, mean 0: counts stay unbiased);
 * - the threshold applies to the perturbed count: under k it is withheld ("fewer than
 *   k"; nobody (0) included, so a shown absence cannot close a subtraction), so
 *   "withheld" does not mean "truly under k", and a count under k that is shown was moved
 *   up to at least k, never shown as it is.
 *
 * Why the perturbation depends on the cell key only (not on the count): a reader who
 * subtracts two shown counts that differ by the same few people T (a total and the same
 * total filtered, asked many ways) sees e(u + τ) − e(u), where τ is T's key and u varies.
 * With e a step function of u that rises once from −D to D, the differences for one τ
 * never reach both 2D and −2D (docs/DATA-PROTECTION.md), so the intervals a reader can
 * intersect never close on one value.
 *
 * Totals are cells of their own (their key is the sum of their contributors' keys), so a
 * table does not add up exactly, by design: a total minus its parts is the total's noise
 * minus the parts' noise, never a hidden count.
 */
export const RECORD_KEY_SPACE = 2 ** 32;

/** What is published about the method, with every aggregate (API and each export's About sheet). */
export interface DisclosureMethod {
  method: 'cell-key';
  /** Counts under k (0 included) are never shown. */
  threshold: number;
  /** The largest perturbation: a shown count is within this of the truth. */
  maxPerturbation: number;
  /** Shape of the perturbation on [−D, D]: each value equally likely, read from the cell key alone. */
  distribution: 'uniform';
  /** Mean of the perturbation: 0. */
  bias: 0;
}

/** D: a shown count is within 2 of the truth (10% at 20, 5% from 40, 1% from 200). */
export const MAX_PERTURBATION = 2;

export function disclosureMethod(k: number): DisclosureMethod {
  return { method: 'cell-key', threshold: k, maxPerturbation: MAX_PERTURBATION, distribution: 'uniform', bias: 0 };
}

/** A count and the sum of its people's record keys (any size; reduced modulo 2^32 when used). */
export interface KeyedCount {
  n: number;
  keySum: number;
}

export const NOBODY: KeyedCount = { n: 0, keySum: 0 };

export function addKeyed(a: KeyedCount, b: KeyedCount): KeyedCount {
  return { n: a.n + b.n, keySum: (a.keySum + b.keySum) % RECORD_KEY_SPACE };
}

export function sumKeyed(counts: Iterable<KeyedCount>): KeyedCount {
  let total = NOBODY;
  for (const count of counts) total = addKeyed(total, count);
  return total;
}

/** The cell key in [0, 1). */
export function cellKeyOf(keySum: number): number {
  const reduced = ((keySum % RECORD_KEY_SPACE) + RECORD_KEY_SPACE) % RECORD_KEY_SPACE;
  return reduced / RECORD_KEY_SPACE;
}

/** The perturbation table's row: cumulative probabilities of −D … D. */
const CUMULATIVE = (() => {
  const d = MAX_PERTURBATION;
  return Array.from({ length: 2 * d + 1 }, (_, i) => (i + 1) / (2 * d + 1));
})();

/** The perturbation a cell key draws (the same key always draws the same one). */
export function perturbationOf(cellKey: number): number {
  const index = CUMULATIVE.findIndex((upTo) => cellKey < upTo);
  return (index === -1 ? CUMULATIVE.length - 1 : index) - MAX_PERTURBATION;
}

/** What may be shown of one count: a number at least k, or null ("fewer than k"). */
export function publishCount(count: KeyedCount, k: number): number | null {
  if (count.n <= 0) return null;
  const shown = count.n + perturbationOf(cellKeyOf(count.keySum));
  return shown < k ? null : shown;
}

/**
 * What a reader can know of a true count from what was published (the method being
 * public): the attacker in the tests starts from exactly this, and so may anyone.
 */
export function feasibleRange(shown: number | null, k: number): { min: number; max: number } {
  if (shown === null) return { min: 0, max: k - 1 + MAX_PERTURBATION };
  return { min: Math.max(1, shown - MAX_PERTURBATION), max: shown + MAX_PERTURBATION };
}

export interface KeyedTable {
  cells: readonly (readonly KeyedCount[])[];
}

/**
 * A table of keyed counts as it may be shown: every cell and every published margin is
 * published as a count of its own (publishCount). Withheld values are null; `suppressed`
 * counts them (all "primary": nothing needs hiding to protect something else, because no
 * shown value is exact).
 */
export function publishKeyedTable(table: KeyedTable, options: PublishOptions): PublishedTable {
  const width = table.cells[0]?.length ?? 0;
  let hidden = 0;
  const publish = (count: KeyedCount) => {
    const shown = publishCount(count, options.k);
    if (shown === null) hidden++;
    return shown;
  };
  const rowSums = table.cells.map((row) => sumKeyed(row));
  const columnSums = Array.from({ length: width }, (_, j) => sumKeyed(table.cells.map((row) => row[j] ?? NOBODY)));
  return {
    k: options.k,
    cells: table.cells.map((row) => row.map(publish)),
    rowTotals: options.rowTotals ? rowSums.map(publish) : null,
    columnTotals: options.columnTotals ? columnSums.map(publish) : null,
    grandTotal: options.grandTotal ? publish(sumKeyed(rowSums)) : undefined,
    suppressed: { primary: hidden, secondary: 0 },
  };
}
