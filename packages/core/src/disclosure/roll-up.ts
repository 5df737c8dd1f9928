export interface AreaRow<K extends string = string> {
  code: K;
  /** The area it belongs to one level up, or null at the top. */
  parent: K | null;
  counts: readonly number[];
}

export interface RolledRow<K extends string = string> {
  code: K;
  counts: number[];
  /** The small areas whose people are counted here instead of under their own name. */
  rolledUp: K[];
}

/**
 * Very small areas (fewer than k people in all) are not shown on their own: their counts
 * join their parent area's, under the parent's code, so a map never points at a handful
 * of households. An area without a parent stays, and primary suppression then hides it.
 */
export function rollUpSmallAreas<K extends string>(rows: readonly AreaRow<K>[], k: number): RolledRow<K>[] {
  const kept = new Map<K, RolledRow<K>>();
  const width = rows[0]?.counts.length ?? 0;
  const rowFor = (code: K) => {
    let row = kept.get(code);
    if (!row) {
      row = { code, counts: new Array<number>(width).fill(0), rolledUp: [] };
      kept.set(code, row);
    }
    return row;
  };
  for (const row of rows) {
    const total = row.counts.reduce((a, b) => a + b, 0);
    const small = total > 0 && total < k && row.parent !== null;
    const target = rowFor(small ? row.parent! : row.code);
    row.counts.forEach((count, i) => (target.counts[i] = target.counts[i]! + count));
    if (small) target.rolledUp.push(row.code);
  }
  return [...kept.values()];
}
