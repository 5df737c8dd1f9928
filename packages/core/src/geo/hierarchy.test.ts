import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaTree, type TreeArea } from './area-tree';
import type { AreaGeometry, Position, Ring } from './boundaries';
import { assignParents, containsPoint, holdsAny, interiorPoint } from './interior';
import { prepareArea } from './point-index';
import { matchesRule } from '../targeting';

const area = (code: string, level: number, parentCode: string | null): TreeArea => ({ code, level, parentCode });

describe('walking the admin hierarchy (issue 20 §1: a cycle hung every map aggregate)', () => {
  const tree = areaTree([area('G1', 1, null), area('D1', 2, 'G1'), area('D2', 2, 'G1'), area('S1', 3, 'D1'), area('G2', 1, null)]);

  it('finds ancestors and descendants of a proper tree', () => {
    expect(tree.ancestorAt('S1', 1)).toBe('G1');
    expect(tree.ancestorAt('S1', 2)).toBe('D1');
    expect(tree.ancestorAt('G1', 2)).toBe('G1');
    expect(tree.ancestorAt('nowhere', 1)).toBe('nowhere');
    expect(tree.descendantsOf('G1').sort()).toEqual(['D1', 'D2', 'S1']);
    expect(tree.descendantsOf('G2')).toEqual([]);
    expect(tree.childrenOf('G1').map((child) => child.code).sort()).toEqual(['D1', 'D2']);
  });

  it('ends every walk of a hierarchy that loops: an area its own parent, two parents of each other, a parent below its child', () => {
    // What the level-1-then-level-2 upload left behind, and worse.
    const looped = areaTree([
      area('P', 2, 'P'),
      area('A', 2, 'B'),
      area('B', 2, 'A'),
      area('X', 3, 'Y'),
      area('Y', 4, 'X'),
      area('Z', 5, 'Y'),
    ]);
    expect(looped.ancestorAt('P', 1)).toBe('P');
    expect(looped.ancestorAt('A', 1)).toBe('A');
    expect(looped.ancestorAt('Z', 1)).toBe('X');
    expect(looped.descendantsOf('P')).toEqual([]);
    expect(looped.descendantsOf('A')).toEqual([]);
    expect(looped.descendantsOf('X').sort()).toEqual(['Y', 'Z']);
    expect(looped.childrenOf('P')).toEqual([]);
  });

  it('never walks forever, whatever the parents (any graph over five levels)', () => {
    const codes = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(fc.array(fc.record({ level: fc.integer({ min: 1, max: 5 }), parent: fc.option(fc.constantFrom(...codes)) }), { minLength: 6, maxLength: 6 }), (rows) => {
        const graph = areaTree(rows.map((row, i) => area(codes[i]!, row.level, row.parent)));
        for (const code of codes) {
          for (let level = 1; level <= 5; level++) expect(codes).toContain(graph.ancestorAt(code, level));
          expect(graph.descendantsOf(code).length).toBeLessThan(codes.length);
        }
      }),
    );
  });

  it('a targeting rule over looping parents answers instead of spinning', () => {
    const parentOf = (code: string) => ({ A: 'B', B: 'A' })[code] ?? null;
    expect(matchesRule({ field: 'adminAreaCode', op: 'within', value: 'C' }, { adminAreaCode: 'A' } as never, parentOf)).toBe(false);
    expect(matchesRule({ field: 'adminAreaCode', op: 'within', value: 'B' }, { adminAreaCode: 'A' } as never, parentOf)).toBe(true);
  });
});

/** A star-shaped ring around (cx, cy) with `n` vertices: concave, so the test is a real one. */
function star(cx: number, cy: number, n: number, radius: number, wobble: (i: number) => number = (i) => (i % 2 === 0 ? 1 : 0.6)): Ring {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * wobble(i);
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('preparing an area for many point tests', () => {
  it('answers exactly as containsPoint, holes and several polygons included', () => {
    const shapes: AreaGeometry[] = [
      { type: 'Polygon', coordinates: [star(0, 0, 40, 10)] },
      { type: 'Polygon', coordinates: [star(0, 0, 200, 10), star(0, 0, 30, 3)] },
      { type: 'MultiPolygon', coordinates: [[star(0, 0, 60, 5)], [star(12, 0, 12, 4), star(12, 0, 8, 1)]] },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...shapes.keys()), fc.double({ min: -12, max: 18, noNaN: true }), fc.double({ min: -12, max: 12, noNaN: true }), (shape, x, y) => {
        const geometry = shapes[shape]!;
        expect(prepareArea(geometry).contains([x, y])).toBe(containsPoint(geometry, [x, y]));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps to a few strip entries an edge for a zig-zag whose every edge spans the whole shape', () => {
    const ring: Position[] = [];
    for (let i = 0; i < 2000; i++) ring.push([i / 100, i % 2 === 0 ? 0 : 10]);
    ring.push([19.99, -1], [0, -1], [0, 0]);
    const zigzag: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
    const prepared = prepareArea(zigzag);
    for (const point of [[0.005, 5], [0.015, 5], [10.005, 9.9], [5, -0.5], [30, 5]] as Position[]) {
      expect(prepared.contains(point)).toBe(containsPoint(zigzag, point));
    }
  });

  it('gives every child the parent the old one-by-one scan gave: first holder in order, else the nearest interior point', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 20 }), y: fc.integer({ min: 0, max: 20 }), size: fc.integer({ min: 1, max: 8 }) });
    const squareOf = ({ x, y, size }: { x: number; y: number; size: number }): AreaGeometry => ({
      type: 'Polygon',
      coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    });
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 8 }), fc.array(box, { maxLength: 12 }), (parentBoxes, childBoxes) => {
        const parents = parentBoxes.map((b, i) => ({ code: `P${i}`, geometry: squareOf(b) }));
        const children = childBoxes.map((b, i) => ({ code: `C${i}`, geometry: squareOf({ ...b, size: b.size / 4 }) }));
        const oneByOne = new Map(
          children.map((child) => {
            const point = interiorPoint(child.geometry);
            const holder = parents.find((parent) => containsPoint(parent.geometry, point));
            if (holder) return [child.code, holder.code];
            let nearest = parents[0]!.code;
            let distance = Infinity;
            for (const parent of parents) {
              const [x, y] = interiorPoint(parent.geometry);
              const d = (x - point[0]) ** 2 + (y - point[1]) ** 2;
              if (d < distance) [distance, nearest] = [d, parent.code];
            }
            return [child.code, nearest];
          }),
        );
        expect(assignParents(children, parents)).toEqual(oneByOne);
        expect(holdsAny(parents, children)).toBe(children.some((child) => parents.some((parent) => containsPoint(parent.geometry, interiorPoint(child.geometry)))));
      }),
      { numRuns: 500 },
    );
  });

  it('places 6,000 districts under a 400,000-vertex province by reading the province once', () => {
    // The shape of issue 20 §1's upload, at a tenth of its districts: asked per district
    // as before, 2.4 billion edge tests; prepared, a few hundred per district.
    const province: AreaGeometry = { type: 'Polygon', coordinates: [star(36, 34, 400_000, 1.5, (i) => 1 + 0.001 * Math.sin(i))] };
    const districts: Array<{ code: string; geometry: AreaGeometry }> = [];
    for (let i = 0; i < 6000; i++) {
      const x = 35 + (i % 80) * 0.025;
      const y = 33 + Math.floor(i / 80) * 0.025;
      districts.push({ code: `D${i}`, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]]] } });
    }
    const outside = { code: 'far', geometry: { type: 'Polygon' as const, coordinates: [star(50, 50, 5, 0.1)] } };
    const parents = assignParents([...districts, outside], [{ code: 'P', geometry: province }]);
    // The slow way for a sample only: it is what took minutes for all of them.
    const sample = districts.filter((_, i) => i % 150 === 0);
    expect(sample.map((d) => containsPoint(province, interiorPoint(d.geometry)))).toContain(true);
    for (const d of sample) expect(parents.get(d.code)).toBe('P');
    expect([...parents.values()].every((parent) => parent === 'P')).toBe(true);
    // Outside every parent: the nearest one, as before.
    expect(parents.get('far')).toBe('P');
    expect(holdsAny([{ geometry: province }], districts)).toBe(true);
  }, 60_000);
});
