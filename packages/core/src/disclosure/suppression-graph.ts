/**
 * A table and its margins as a graph, so that "can this hidden value be worked out from
 * what is shown?" becomes a graph question. Nodes: one per row, one per column, and two
 * more (all rows, all columns). Edges: each cell joins its row and column; each row total
 * joins its row to "all rows"; each column total its column to "all columns"; the grand
 * total joins the two. Every additive relation of the table (a row sums to its total, …)
 * is one node, and every value is one edge that appears in exactly two of them with
 * opposite signs: the relations are the incidence matrix of this graph.
 *
 * Among the hidden values, one is fixed by the shown ones exactly when its edge is a
 * bridge of the graph of hidden edges (on no cycle): a cycle is a direction in which
 * hidden values can move together while every relation still holds.
 */
export interface Edge {
  id: number;
  a: number;
  b: number;
  value: number;
  /** What it costs in lost information to hide this value as a complement. */
  cost: number;
}

export interface Graph {
  nodes: number;
  edges: Edge[];
  /** Edges touching each node. */
  incident: number[][];
}

export function buildGraph(nodes: number, edges: Edge[]): Graph {
  const incident: number[][] = Array.from({ length: nodes }, () => []);
  for (const edge of edges) {
    incident[edge.a]!.push(edge.id);
    incident[edge.b]!.push(edge.id);
  }
  return { nodes, edges, incident };
}

/** Bridges of the subgraph made of the `hidden` edges (iterative Tarjan, no recursion limits). */
export function bridges(graph: Graph, hidden: ReadonlySet<number>): number[] {
  const order = new Array<number>(graph.nodes).fill(-1);
  const low = new Array<number>(graph.nodes).fill(0);
  const found: number[] = [];
  let counter = 0;
  for (let root = 0; root < graph.nodes; root++) {
    if (order[root] !== -1) continue;
    const stack: Array<{ node: number; via: number; next: number }> = [{ node: root, via: -1, next: 0 }];
    order[root] = low[root] = counter++;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = graph.incident[frame.node]!;
      if (frame.next < edges.length) {
        const edgeId = edges[frame.next++]!;
        if (edgeId === frame.via || !hidden.has(edgeId)) continue;
        const edge = graph.edges[edgeId]!;
        const other = edge.a === frame.node ? edge.b : edge.a;
        if (order[other] === -1) {
          order[other] = low[other] = counter++;
          stack.push({ node: other, via: edgeId, next: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node]!, order[other]!);
        }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
          if (low[frame.node]! > order[parent.node]!) found.push(frame.via);
        }
      }
    }
  }
  return found;
}

/**
 * The cheapest way from `from` to `to` that does not use `avoid`: hidden edges are free,
 * shown ones cost what hiding them costs. Hiding the shown edges on it closes a cycle
 * through `avoid`, so its value can no longer be worked out.
 */
export function cheapestDetour(graph: Graph, hidden: ReadonlySet<number>, avoid: number, from: number, to: number): number[] | null {
  const distance = new Array<number>(graph.nodes).fill(Infinity);
  const via = new Array<number>(graph.nodes).fill(-1);
  const done = new Array<boolean>(graph.nodes).fill(false);
  distance[from] = 0;
  // Graphs here have a few hundred nodes at most: a linear scan is simpler than a heap.
  for (;;) {
    let node = -1;
    for (let n = 0; n < graph.nodes; n++) if (!done[n] && distance[n]! < Infinity && (node === -1 || distance[n]! < distance[node]!)) node = n;
    if (node === -1) return null;
    if (node === to) break;
    done[node] = true;
    for (const edgeId of graph.incident[node]!) {
      if (edgeId === avoid) continue;
      const edge = graph.edges[edgeId]!;
      const other = edge.a === node ? edge.b : edge.a;
      const step = hidden.has(edgeId) ? 0 : edge.cost;
      if (distance[node]! + step < distance[other]!) {
        distance[other] = distance[node]! + step;
        via[other] = edgeId;
      }
    }
  }
  const path: number[] = [];
  for (let node = to; node !== from; ) {
    const edgeId = via[node]!;
    if (!hidden.has(edgeId)) path.push(edgeId);
    const edge = graph.edges[edgeId]!;
    node = edge.a === node ? edge.b : edge.a;
  }
  return path;
}
