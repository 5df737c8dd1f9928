import type { AreaGeometry, Position, Ring } from './boundaries';

const polygonsOf = (geometry: AreaGeometry): Ring[][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Signed area of a ring (shoelace), in squared degrees: only compared, never reported. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(sum / 2);
}

function inRing(point: Position, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring of some polygon and outside its holes (even-odd). */
export function containsPoint(geometry: AreaGeometry, point: Position): boolean {
  return polygonsOf(geometry).some(([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)));
}

/**
 * A point surely inside the area (a centroid can fall outside a crescent-shaped district):
 * on the horizontal line through the middle of the largest polygon, the middle of the
 * widest stretch that lies inside it.
 */
export function interiorPoint(geometry: AreaGeometry): Position {
  const largest = polygonsOf(geometry).reduce((best, polygon) => (ringArea(polygon[0]!) > ringArea(best[0]!) ? polygon : best));
  const outer = largest[0]!;
  const ys = outer.map((p) => p[1]);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const crossings: number[] = [];
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  crossings.sort((a, b) => a - b);
  let best: Position = outer[0]!;
  let width = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const span = crossings[i + 1]! - crossings[i]!;
    if (span > width) {
      width = span;
      best = [(crossings[i]! + crossings[i + 1]!) / 2, y];
    }
  }
  return best;
}

/**
 * The parent of each child area: the parent polygon holding the child's interior point.
 * Layers from different sources do not nest exactly (LBN ADM1 2017 and ADM2 2021), so
 * the child's outline is not required to lie within the parent's; a child whose point
 * falls in no parent (a sliver on the coast) gets the parent nearest to that point.
 */
/**
 * Whether any of `children` lies inside one of `parents` (its interior point does): a file of
 * the level above that holds none of the areas below is of somewhere else, and
 * assignParents' nearest-shape fallback would file every area under the wrong parent.
 */
export function holdsAny(parents: ReadonlyArray<{ geometry: AreaGeometry }>, children: ReadonlyArray<{ geometry: AreaGeometry }>): boolean {
  return children.some((child) => {
    const point = interiorPoint(child.geometry);
    return parents.some((parent) => containsPoint(parent.geometry, point));
  });
}

export function assignParents(children: ReadonlyArray<{ code: string; geometry: AreaGeometry }>, parents: ReadonlyArray<{ code: string; geometry: AreaGeometry }>): Map<string, string | null> {
  const result = new Map<string, string | null>();
  for (const child of children) {
    const point = interiorPoint(child.geometry);
    const holder = parents.find((parent) => containsPoint(parent.geometry, point));
    if (holder) {
      result.set(child.code, holder.code);
      continue;
    }
    let nearest: string | null = null;
    let distance = Infinity;
    for (const parent of parents) {
      const [x, y] = interiorPoint(parent.geometry);
      const d = (x - point[0]) ** 2 + (y - point[1]) ** 2;
      if (d < distance) {
        distance = d;
        nearest = parent.code;
      }
    }
    result.set(child.code, nearest);
  }
  return result;
}
