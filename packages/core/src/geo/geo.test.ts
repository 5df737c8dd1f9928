import { describe, expect, it } from 'vitest';
import { readBoundaries, type AreaGeometry } from './boundaries';
import { assignParents, containsPoint, holdsAny, interiorPoint } from './interior';
import { fitProjection } from './project';

const square = (x: number, y: number, size: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});
const feature = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { pcode: code, shapeName: `Area ${code}` }, geometry });

describe('reading a boundary file', () => {
  it('accepts polygons and multipolygons with their codes and names', () => {
    const read = readBoundaries({ type: 'FeatureCollection', features: [feature('A', square(0, 0, 1)), feature('B', { type: 'MultiPolygon', coordinates: [square(2, 2, 1).coordinates] })] }, 'pcode');
    expect(read.ok && read.value.map((f) => [f.code, f.name, f.geometry.type])).toEqual([['A', 'Area A', 'Polygon'], ['B', 'Area B', 'MultiPolygon']]);
  });

  it.each<[string, unknown, string, string]>([
    ['not a collection', { type: 'Feature' }, '', 'not_feature_collection'],
    ['no features', { type: 'FeatureCollection', features: [] }, '/features', 'no_features'],
    ['a point', { type: 'FeatureCollection', features: [feature('A', { type: 'Point', coordinates: [1, 2] })] }, '/features/0/geometry/type', 'unsupported_geometry'],
    ['an open ring', { type: 'FeatureCollection', features: [feature('A', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })] }, '/features/0/geometry/coordinates/0/3', 'ring_not_closed'],
    ['a latitude of 95', { type: 'FeatureCollection', features: [feature('A', { type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] })] }, '/features/0/geometry/coordinates/0/1', 'invalid_coordinates'],
    ['no code', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(0, 0, 1) }] }, '/features/0/properties/pcode', 'missing_code'],
    ['a code with a NUL in it', { type: 'FeatureCollection', features: [feature('A\u0000', square(0, 0, 1))] }, '/features/0/properties/pcode', 'invalid_area_code'],
    ...['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', 'A\u202EB', 'A B'].map(
      (code) => [`the code ${JSON.stringify(code)}`, { type: 'FeatureCollection', features: [feature(code, square(0, 0, 1))] }, '/features/0/properties/pcode', 'invalid_area_code'] as [string, unknown, string, string],
    ),
    ['a repeated code', { type: 'FeatureCollection', features: [feature('A', square(0, 0, 1)), feature('A', square(1, 1, 1))] }, '/features/1/properties/pcode', 'duplicate_code'],
  ])('refuses %s, saying where', (_name, input, path, code) => {
    const read = readBoundaries(input, 'pcode');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error[0]).toEqual({ path, code });
  });
});

describe('placing areas', () => {
  it('finds a point inside a crescent, where the centroid would be outside', () => {
    // A "C" shape: the middle of its bounding box is in the gap.
    const crescent: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]] };
    expect(containsPoint(crescent, [2, 1.5])).toBe(false);
    expect(containsPoint(crescent, interiorPoint(crescent))).toBe(true);
  });

  it('gives each child the parent holding its interior point, even when outlines do not nest', () => {
    const parents = [{ code: 'P1', geometry: square(0, 0, 10) }, { code: 'P2', geometry: square(10, 0, 10) }];
    // C1 spills over into P2 a little; C3 lies outside both, nearest P2.
    const children = [{ code: 'C1', geometry: square(2, 2, 9) }, { code: 'C2', geometry: square(12, 2, 3) }, { code: 'C3', geometry: square(25, 2, 1) }];
    expect(Object.fromEntries(assignParents(children, parents))).toEqual({ C1: 'P1', C2: 'P2', C3: 'P2' });
  });

  it('projects into the box, north up', () => {
    const projection = fitProjection([square(35, 33, 1)], 200, 100);
    const [x1, y1] = projection.point([35, 33]);
    const [x2, y2] = projection.point([36, 34]);
    expect(x1).toBeGreaterThanOrEqual(0);
    expect(x2).toBeLessThanOrEqual(200);
    expect(y2).toBeLessThan(y1);
    expect(projection.path(square(35, 33, 1))).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}Z$/);
  });

  it('tells whether a file of the level above holds any of the areas below', () => {
    const districts = [{ geometry: square(0, 0, 1) }, { geometry: square(5, 5, 1) }];
    expect(holdsAny([{ geometry: square(4, 4, 3) }], districts)).toBe(true);
    expect(holdsAny([{ geometry: square(20, 20, 3) }, { geometry: square(-10, -10, 2) }], districts)).toBe(false);
    expect(holdsAny([{ geometry: square(0, 0, 10) }], [])).toBe(false);
  });
});
