/** A table of counts: rows × columns of non-negative integers, with its margins. */
export interface CountTable {
  cells: readonly (readonly number[])[];
}

export interface PublishOptions {
  /** Cells and totals from 1 to k − 1 are suppressed (CTDC publishes with k = 11). */
  k: number;
  /** Which margins leave the server with the table; the others are never shown. */
  rowTotals: boolean;
  columnTotals: boolean;
  grandTotal: boolean;
}

/** What may be shown: null where a value is withheld. */
export interface PublishedTable {
  k: number;
  cells: (number | null)[][];
  rowTotals: (number | null)[] | null;
  columnTotals: (number | null)[] | null;
  grandTotal: number | null | undefined;
  /** Under k (primary) and hidden so the others cannot be worked out (secondary). */
  suppressed: { primary: number; secondary: number };
}

export const rowTotalsOf = (table: CountTable): number[] => table.cells.map((row) => row.reduce((a, b) => a + b, 0));

export function columnTotalsOf(table: CountTable): number[] {
  const width = table.cells[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => table.cells.reduce((sum, row) => sum + (row[j] ?? 0), 0));
}
