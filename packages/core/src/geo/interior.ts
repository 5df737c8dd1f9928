import type { AreaGeometry, Position, Ring } from './boundaries';
import Flatbush from 'flatbush';
import { prepareArea } from './point-index';

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
  // A loop, not Math.min(...ys): spreading a 400,000-vertex ring overflows the call stack.
  let low = Infinity;
  let high = -Infinity;
  for (const [, y] of outer) {
    if (y < low) low = y;
    if (y > high) high = y;
  }
  const y = (low + high) / 2;
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
 * Whether any of `children` lies inside one of `parents` (its interior point does): a file of
 * the level above that holds none of the areas below is of somewhere else, and
 * assignParents' nearest-shape fallback would file every area under the wrong parent.
 */
export function holdsAny(parents: ReadonlyArray<{ geometry: AreaGeometry }>, children: ReadonlyArray<{ geometry: AreaGeometry }>): boolean {
  if (children.length === 0 || parents.length === 0) return false;
  const holderOf = holders(parents);
  return children.some((child) => holderOf(interiorPoint(child.geometry)) !== undefined);
}

/**
 * The parent of each child area: the parent polygon holding the child's interior point.
 * Layers from different sources do not nest exactly (LBN ADM1 2017 and ADM2 2021), so
 * the child's outline is not required to lie within the parent's; a child whose point
 * falls in no parent (a sliver on the coast) gets the parent nearest to that point.
 *
 * Each shape is read once: parents are prepared for point tests (point-index.ts) and their
 * boxes and interior points indexed (Flatbush) before the first child; each child's point is
 * computed once. Asking shape by shape per child took a 400,000-vertex province over 60,000
 * districts more than nine minutes (issue 20 §1). The answer is the same: the first parent
 * in the given order that holds the point, else the nearest interior point (first of equals).
 */
export function assignParents(children: ReadonlyArray<{ code: string; geometry: AreaGeometry }>, parents: ReadonlyArray<{ code: string; geometry: AreaGeometry }>): Map<string, string | null> {
  const result = new Map<string, string | null>();
  if (children.length === 0) return result;
  if (parents.length === 0) {
    for (const child of children) result.set(child.code, null);
    return result;
  }
  const holderOf = holders(parents);
  let nearestTo: ((point: Position) => number) | undefined;
  for (const child of children) {
    const point = interiorPoint(child.geometry);
    const holder = holderOf(point);
    nearestTo ??= holder === undefined ? nearestPoints(parents.map((parent) => interiorPoint(parent.geometry))) : undefined;
    result.set(child.code, parents[holder ?? nearestTo!(point)]!.code);
  }
  return result;
}

/** The index of the first area (in their order) holding a point, or undefined. */
function holders(areas: ReadonlyArray<{ geometry: AreaGeometry }>): (point: Position) => number | undefined {
  const prepared = areas.map((area) => prepareArea(area.geometry));
  const boxes = new Flatbush(prepared.length);
  for (const { box } of prepared) boxes.add(box.minX, box.minY, box.maxX, box.maxY);
  boxes.finish();
  return ([x, y]) => {
    const candidates = boxes.search(x, y, x, y).sort((a, b) => a - b);
    return candidates.find((i) => prepared[i]!.contains([x, y]));
  };
}

/** The index of the point nearest to a given one (the first of equally near ones). */
function nearestPoints(points: readonly Position[]): (point: Position) => number {
  const index = new Flatbush(points.length);
  for (const [x, y] of points) index.add(x, y, x, y);
  index.finish();
  return ([x, y]) => {
    const squared = (i: number) => (points[i]![0] - x) ** 2 + (points[i]![1] - y) ** 2;
    const closest = index.neighbors(x, y, 1)[0]!;
    const best = squared(closest);
    // Equally near points: the first of them, as a scan in order would choose.
    const near = index.neighbors(x, y, Infinity, Math.sqrt(best) * (1 + 1e-9)).filter((i) => squared(i) <= best);
    return Math.min(closest, ...near);
  };
}
