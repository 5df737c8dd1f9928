import { bridges, buildGraph, cheapestDetour, type Edge } from './suppression-graph';
import { columnTotalsOf, rowTotalsOf, type CountTable, type PublishedTable, type PublishOptions } from './table';

// Hiding a total costs far more than hiding a cell, and the grand total most of all.
const MARGIN_PENALTY = 1_000_000;
const GRAND_PENALTY = 1_000_000_000;
// A hidden zero protects little: hidden beside a small cell, the pair still sums to that
// small count. Prefer any ordinary cell up to this size as a complement.
const ZERO_PENALTY = 1_000;

/**
 * The one way an aggregate leaves the server. Primary suppression hides every cell and
 * total from 1 to k − 1 (zeros are shown: "nobody" singles nobody out). Secondary
 * suppression then hides as little as it can (cheapest detours, cells before totals) until
 * no hidden value under k can be worked out exactly from the shown ones, whichever
 * margins are published. See suppression-graph.ts for why this is a question of bridges.
 */
export function protectTable(table: CountTable, options: PublishOptions): PublishedTable {
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  const allRows = rows + columns;
  const allColumns = allRows + 1;
  const rowTotals = rowTotalsOf(table);
  const columnTotals = columnTotalsOf(table);
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);

  const edges: Edge[] = [];
  const add = (a: number, b: number, value: number, cost: number) => edges.push({ id: edges.length, a, b, value, cost }) - 1;
  const cellEdge = table.cells.map((row, r) => row.map((value, c) => add(r, rows + c, value, value === 0 ? ZERO_PENALTY : value + 1)));
  const rowEdge = rowTotals.map((value, r) => add(r, allRows, value, value + 1 + MARGIN_PENALTY));
  const columnEdge = columnTotals.map((value, c) => add(rows + c, allColumns, value, value + 1 + MARGIN_PENALTY));
  const grandEdge = add(allRows, allColumns, grandTotal, GRAND_PENALTY);
  const graph = buildGraph(allColumns + 1, edges);

  const small = (value: number) => value > 0 && value < options.k;
  const hidden = new Set<number>();
  // Margins not published are unknown to the reader from the start.
  if (!options.rowTotals) rowEdge.forEach((id) => hidden.add(id));
  if (!options.columnTotals) columnEdge.forEach((id) => hidden.add(id));
  if (!options.grandTotal) hidden.add(grandEdge);
  let primary = 0;
  for (const edge of edges) {
    if (small(edge.value) && !hidden.has(edge.id)) {
      hidden.add(edge.id);
      primary++;
    }
  }

  let secondary = 0;
  for (;;) {
    const exposed = bridges(graph, hidden).find((id) => small(edges[id]!.value));
    if (exposed === undefined) break;
    const edge = edges[exposed]!;
    const detour = cheapestDetour(graph, hidden, exposed, edge.a, edge.b);
    if (detour === null || detour.length === 0) {
      // No cycle can be closed around it (cannot happen in a table with two or more
      // cells): hide everything rather than publish a recoverable count.
      for (const other of edges) {
        if (hidden.has(other.id)) continue;
        hidden.add(other.id);
        secondary++;
      }
      break;
    }
    for (const id of detour) {
      hidden.add(id);
      secondary++;
    }
  }

  const shown = (id: number) => (hidden.has(id) ? null : edges[id]!.value);
  return {
    k: options.k,
    cells: cellEdge.map((row) => row.map(shown)),
    rowTotals: options.rowTotals ? rowEdge.map(shown) : null,
    columnTotals: options.columnTotals ? columnEdge.map(shown) : null,
    grandTotal: options.grandTotal ? shown(grandEdge) : undefined,
    suppressed: { primary, secondary },
  };
}
