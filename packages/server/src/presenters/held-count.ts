import { protectTable } from '@waymark/core';

/**
 * A count of people held by the record's holder, as this reader may see it: exact when the
 * record is in the reader's scope (they hold those people's work), otherwise published
 * through core/disclosure like any aggregate (null when under the operation's k), so that
 * another agency's count of one or two does not single anyone out.
 */
export function countForReader(count: number, inReadersScope: boolean, k: number): number | null {
  if (inReadersScope) return count;
  return protectTable({ cells: [[count]] }, { k, rowTotals: false, columnTotals: false, grandTotal: false }).cells[0]![0] ?? null;
}
