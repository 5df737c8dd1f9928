import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectTable } from './protect-table';
import { rollUpSmallAreas } from './roll-up';
import { columnTotalsOf, rowTotalsOf, type PublishedTable, type PublishOptions } from './table';

/**
 * The attacker, written independently of the protector: plain linear algebra over the
 * table's additive relations. A hidden value is worked out exactly when its unit vector
 * lies in the row space of the relations restricted to the hidden values, i.e. adding it
 * does not raise the rank.
 */
function recoverable(cells: number[][], published: PublishedTable): Set<string> {
  const rows = cells.length;
  const columns = cells[0]!.length;
  type Unknown = { key: string; value: number };
  const unknowns: Unknown[] = [];
  const index = new Map<string, number>();
  const unknown = (key: string, value: number, shown: number | null | undefined) => {
    if (shown !== null && shown !== undefined) return;
    index.set(key, unknowns.length);
    unknowns.push({ key, value });
  };
  const rowTotals = rowTotalsOf({ cells });
  const columnTotals = columnTotalsOf({ cells });
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  cells.forEach((row, r) => row.forEach((value, c) => unknown(`cell ${r},${c}`, value, published.cells[r]![c])));
  rowTotals.forEach((value, r) => unknown(`row ${r}`, value, published.rowTotals?.[r] ?? null));
  columnTotals.forEach((value, c) => unknown(`column ${c}`, value, published.columnTotals?.[c] ?? null));
  unknown('grand', grand, published.grandTotal);

  // Each relation: sum of parts − whole = 0, as coefficients over the unknowns only.
  const relations: bigint[][] = [];
  const relation = (terms: Array<[string, number]>) => {
    const coefficients = new Array<bigint>(unknowns.length).fill(0n);
    for (const [key, sign] of terms) {
      const i = index.get(key);
      if (i !== undefined) coefficients[i] = coefficients[i]! + BigInt(sign);
    }
    relations.push(coefficients);
  };
  for (let r = 0; r < rows; r++) relation([...Array.from({ length: columns }, (_, c) => [`cell ${r},${c}`, 1] as [string, number]), [`row ${r}`, -1]]);
  for (let c = 0; c < columns; c++) relation([...Array.from({ length: rows }, (_, r) => [`cell ${r},${c}`, 1] as [string, number]), [`column ${c}`, -1]]);
  relation([...Array.from({ length: rows }, (_, r) => [`row ${r}`, 1] as [string, number]), ['grand', -1]]);
  relation([...Array.from({ length: columns }, (_, c) => [`column ${c}`, 1] as [string, number]), ['grand', -1]]);

  const base = rank(relations);
  const found = new Set<string>();
  unknowns.forEach((u, i) => {
    const unit = new Array<bigint>(unknowns.length).fill(0n);
    unit[i] = 1n;
    if (rank([...relations, unit]) === base) found.add(u.key);
  });
  return found;
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
    }
    r++;
  }
  return r;
}

const valueOf = (cells: number[][], key: string): number => {
  const [kind, at] = key.split(' ');
  if (kind === 'cell') {
    const [r, c] = at!.split(',').map(Number);
    return cells[r!]![c!]!;
  }
  if (kind === 'row') return rowTotalsOf({ cells })[Number(at)]!;
  if (kind === 'column') return columnTotalsOf({ cells })[Number(at)]!;
  return rowTotalsOf({ cells }).reduce((a, b) => a + b, 0);
};

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );
const options = fc.record({ k: fc.integer({ min: 2, max: 11 }), rowTotals: fc.boolean(), columnTotals: fc.boolean(), grandTotal: fc.boolean() });

describe('publishing a table of counts', () => {
  it('no published table lets a count from 1 to k − 1 be worked out exactly', () => {
    fc.assert(
      fc.property(tables, options, (cells, publish: PublishOptions) => {
        const published = protectTable({ cells }, publish);
        for (const key of recoverable(cells, published)) {
          const value = valueOf(cells, key);
          expect(value > 0 && value < publish.k, `${key} = ${value} is recoverable from ${JSON.stringify(published)}`).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shows every other value as it is, and hides every count under k', () => {
    fc.assert(
      fc.property(tables, options, (cells, publish: PublishOptions) => {
        const published = protectTable({ cells }, publish);
        cells.forEach((row, r) =>
          row.forEach((value, c) => {
            const shown = published.cells[r]![c];
            if (value > 0 && value < publish.k) expect(shown).toBeNull();
            if (shown !== null) expect(shown).toBe(value);
          }),
        );
        if (publish.rowTotals) published.rowTotals!.forEach((shown, r) => shown !== null && expect(shown).toBe(rowTotalsOf({ cells })[r]));
      }),
      { numRuns: 300 },
    );
  });

  it('catches what naive suppression leaks (the attacker is not vacuous)', () => {
    const cells = [[20, 3, 30], [12, 0, 8]];
    const naive: PublishedTable = {
      k: 5,
      cells: cells.map((row) => row.map((value) => (value > 0 && value < 5 ? null : value))),
      rowTotals: rowTotalsOf({ cells }),
      columnTotals: null,
      grandTotal: undefined,
      suppressed: { primary: 1, secondary: 0 },
    };
    expect(recoverable(cells, naive)).toContain('cell 0,1');
    expect(recoverable(cells, protectTable({ cells }, { k: 5, rowTotals: true, columnTotals: false, grandTotal: false }))).not.toContain('cell 0,1');
  });

  it('hides a second cell when one small cell could be subtracted from a shown total', () => {
    const published = protectTable({ cells: [[20, 3, 30]] }, { k: 5, rowTotals: true, columnTotals: false, grandTotal: false });
    // The cheapest complement: the smaller of the two others.
    expect(published.cells[0]).toEqual([null, null, 30]);
    expect(published.suppressed).toEqual({ primary: 1, secondary: 1 });
  });

  it('leaves a table with nothing small untouched', () => {
    const published = protectTable({ cells: [[20, 0], [7, 9]] }, { k: 5, rowTotals: true, columnTotals: true, grandTotal: true });
    expect(published).toMatchObject({ cells: [[20, 0], [7, 9]], rowTotals: [20, 16], columnTotals: [27, 9], grandTotal: 36, suppressed: { primary: 0, secondary: 0 } });
  });
});

describe('rolling very small areas up to their parent', () => {
  it('moves areas with fewer than k people into their parent, and says which', () => {
    const rolled = rollUpSmallAreas(
      [
        { code: 'LB11', parent: 'LB1', counts: [10, 5] },
        { code: 'LB12', parent: 'LB1', counts: [1, 2] },
        { code: 'LB13', parent: 'LB1', counts: [0, 0] },
      ],
      5,
    );
    expect(rolled).toEqual([
      { code: 'LB11', counts: [10, 5], rolledUp: [] },
      { code: 'LB1', counts: [1, 2], rolledUp: ['LB12'] },
      { code: 'LB13', counts: [0, 0], rolledUp: [] },
    ]);
  });
});
