import type { AreaGeometry, Position } from './boundaries';

/**
 * An area prepared for many point-in-area questions. A ray-crossing test reads every edge of
 * the shape; asked once per child of a 400,000-vertex province with 60,000 districts, that
 * was 24 billion edge tests (issue 20 §1). Here the edges are filed once into horizontal
 * strips, so a point meets only the edges of its own strip; the bounding box answers most
 * "no"s before that.
 *
 * The answer is exactly containsPoint's: inside the outer ring of some polygon and outside
 * its holes, each ring by the even-odd rule.
 */
export interface PreparedArea {
  readonly box: { minX: number; minY: number; maxX: number; maxY: number };
  contains(point: Position): boolean;
}

/** Strip entries allowed per edge on average: bounds memory when long edges span many strips. */
const ENTRIES_PER_EDGE = 4;

export function prepareArea(geometry: AreaGeometry): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Each ring gets a number; a polygon is its outer ring and the holes after it.
  const ringPolygon: number[] = [];
  const ringIsOuter: boolean[] = [];
  let edgeCount = 0;
  polygons.forEach((rings, p) =>
    rings.forEach((ring, r) => {
      ringPolygon.push(p);
      ringIsOuter.push(r === 0);
      edgeCount += ring.length;
    }),
  );
  const edges = new Float64Array(edgeCount * 4);
  const edgeRing = new Int32Array(edgeCount);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let e = 0;
  let ringNumber = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        edges[e * 4] = xi;
        edges[e * 4 + 1] = yi;
        edges[e * 4 + 2] = xj;
        edges[e * 4 + 3] = yj;
        edgeRing[e++] = ringNumber;
        if (xi < minX) minX = xi;
        if (xi > maxX) maxX = xi;
        if (yi < minY) minY = yi;
        if (yi > maxY) maxY = yi;
      }
      ringNumber++;
    }
  }
  const strips = fileIntoStrips(edges, edgeCount, minY, maxY);
  const parity = new Uint8Array(ringNumber);
  const touched: number[] = [];

  return {
    box: { minX, minY, maxX, maxY },
    contains([x, y]) {
      if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return false;
      const s = strips.stripOf(y);
      for (let k = strips.offsets[s]!; k < strips.offsets[s + 1]!; k++) {
        const edge = strips.entries[k]!;
        const xi = edges[edge * 4]!;
        const yi = edges[edge * 4 + 1]!;
        const xj = edges[edge * 4 + 2]!;
        const yj = edges[edge * 4 + 3]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
          const ring = edgeRing[edge]!;
          if (parity[ring] === 0) touched.push(ring);
          parity[ring] = parity[ring]! ^ 1;
        }
      }
      // Inside: some polygon's outer ring holds the point and none of its holes does.
      const inHole = new Set<number>();
      const inOuter = new Set<number>();
      for (const ring of touched) {
        if (parity[ring] === 1) (ringIsOuter[ring] ? inOuter : inHole).add(ringPolygon[ring]!);
        parity[ring] = 0;
      }
      touched.length = 0;
      for (const polygon of inOuter) if (!inHole.has(polygon)) return true;
      return false;
    },
  };
}

interface Strips {
  offsets: Int32Array;
  entries: Int32Array;
  stripOf(y: number): number;
}

/**
 * Files each edge under every horizontal strip its y-range meets. About √n strips; fewer when
 * long edges would otherwise be filed too many times (a zig-zag across the whole shape), so
 * memory stays within ENTRIES_PER_EDGE entries an edge whatever the shape.
 */
function fileIntoStrips(edges: Float64Array, edgeCount: number, minY: number, maxY: number): Strips {
  const height = maxY - minY;
  let count = height > 0 ? Math.max(1, Math.min(65_536, Math.ceil(Math.sqrt(edgeCount)))) : 1;
  const span = (edge: number, stripOf: (y: number) => number) => {
    const a = stripOf(edges[edge * 4 + 1]!);
    const b = stripOf(edges[edge * 4 + 3]!);
    return a < b ? [a, b] : [b, a];
  };
  const stripFinder = (n: number) => (y: number) => Math.min(n - 1, Math.max(0, Math.floor(((y - minY) / height) * n)));
  let stripOf = stripFinder(count);
  for (;;) {
    let total = 0;
    for (let edge = 0; edge < edgeCount; edge++) {
      const [a, b] = span(edge, stripOf);
      total += b! - a! + 1;
    }
    if (total <= edgeCount * ENTRIES_PER_EDGE || count === 1) break;
    count = Math.max(1, Math.floor(count / 2));
    stripOf = stripFinder(count);
  }
  const offsets = new Int32Array(count + 1);
  for (let edge = 0; edge < edgeCount; edge++) {
    const [a, b] = span(edge, stripOf);
    for (let s = a!; s <= b!; s++) offsets[s + 1]!++;
  }
  for (let s = 0; s < count; s++) offsets[s + 1]! += offsets[s]!;
  const entries = new Int32Array(offsets[count]!);
  const next = offsets.slice(0, count);
  for (let edge = 0; edge < edgeCount; edge++) {
    const [a, b] = span(edge, stripOf);
    for (let s = a!; s <= b!; s++) entries[next[s]!++] = edge;
  }
  return { offsets, entries, stripOf };
}
