import { err, ok, type Result } from '../result';
import { isAreaCode } from '../text/characters';

/** Longitude, latitude (GeoJSON order). */
export type Position = readonly [number, number];
export type Ring = readonly Position[];
export type AreaGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface BoundaryFeature {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** What is wrong with an uploaded boundary file, and where (a JSON Pointer into it). */
export interface BoundaryProblem {
  path: string;
  code:
    | 'not_feature_collection'
    | 'not_feature'
    | 'unsupported_geometry'
    | 'invalid_coordinates'
    | 'ring_not_closed'
    | 'ring_too_short'
    | 'missing_code'
    | 'invalid_area_code'
    | 'duplicate_code'
    | 'no_features';
}

const MAX_PROBLEMS = 20;
/** Stripped from a file's area names: controls, and bidirectional formatting that could make a name show as another. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a GeoJSON FeatureCollection of admin areas: every feature a Polygon or
 * MultiPolygon with closed rings of valid longitude/latitude pairs, and a non-empty,
 * unique code in `codeProperty`. The first problems (each with its JSON Pointer) are
 * returned together, so one upload shows what to fix.
 */
export function readBoundaries(input: unknown, codeProperty: string, nameProperty = 'shapeName'): Result<BoundaryFeature[], BoundaryProblem[]> {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return err([{ path: '', code: 'not_feature_collection' }]);
  }
  if (input.features.length === 0) return err([{ path: '/features', code: 'no_features' }]);
  const problems: BoundaryProblem[] = [];
  const features: BoundaryFeature[] = [];
  const seen = new Set<string>();
  input.features.forEach((feature: unknown, index: number) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const at = `/features/${index}`;
    if (!isObject(feature) || feature.type !== 'Feature' || !isObject(feature.geometry)) {
      problems.push({ path: at, code: 'not_feature' });
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const code = properties[codeProperty];
    if (typeof code !== 'string' || code.trim() === '') {
      problems.push({ path: `${at}/properties/${escapePointer(codeProperty)}`, code: 'missing_code' });
      return;
    }
    // A code is a key typed into filters and written into exports: the strict pattern keeps
    // out NUL (which PostgreSQL cannot hold), bidirectional tricks and spreadsheet formulas.
    if (!isAreaCode(code)) {
      problems.push({ path: `${at}/properties/${escapePointer(codeProperty)}`, code: 'invalid_area_code' });
      return;
    }
    if (seen.has(code)) {
      problems.push({ path: `${at}/properties/${escapePointer(codeProperty)}`, code: 'duplicate_code' });
      return;
    }
    seen.add(code);
    const geometry = readGeometry(feature.geometry, `${at}/geometry`, problems);
    if (!geometry) return;
    const rawName = properties[nameProperty];
    const cleaned = typeof rawName === 'string' ? rawName.replace(UNSHOWABLE, '').normalize('NFC').trim() : '';
    const name = cleaned !== '' ? cleaned.slice(0, 200) : code;
    features.push({ code, name, geometry });
  });
  return problems.length > 0 ? err(problems.slice(0, MAX_PROBLEMS)) : ok(features);
}

/**
 * The values of `codeProperty` that are area codes. When none of them is anyone's, the file
 * is keyed on the wrong property (names, say), which deserves that answer rather than one
 * fault per name that is not a code.
 */
export function areaCodesIn(input: unknown, codeProperty: string): string[] {
  if (!isObject(input) || !Array.isArray(input.features)) return [];
  return input.features.flatMap((feature: unknown) => {
    const code = isObject(feature) && isObject(feature.properties) ? feature.properties[codeProperty] : undefined;
    return typeof code === 'string' && isAreaCode(code) ? [code] : [];
  });
}

function readGeometry(geometry: Record<string, unknown>, at: string, problems: BoundaryProblem[]): AreaGeometry | null {
  const coordinates = geometry.coordinates;
  if (geometry.type === 'Polygon') {
    const polygon = readPolygon(coordinates, `${at}/coordinates`, problems);
    return polygon ? { type: 'Polygon', coordinates: polygon } : null;
  }
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      problems.push({ path: `${at}/coordinates`, code: 'invalid_coordinates' });
      return null;
    }
    const polygons: Ring[][] = [];
    for (let i = 0; i < coordinates.length; i++) {
      const polygon = readPolygon(coordinates[i], `${at}/coordinates/${i}`, problems);
      if (!polygon) return null;
      polygons.push(polygon);
    }
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  problems.push({ path: `${at}/type`, code: 'unsupported_geometry' });
  return null;
}

function readPolygon(value: unknown, at: string, problems: BoundaryProblem[]): Ring[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path: at, code: 'invalid_coordinates' });
    return null;
  }
  const rings: Ring[] = [];
  for (let r = 0; r < value.length; r++) {
    const ring: unknown = value[r];
    if (!Array.isArray(ring)) {
      problems.push({ path: `${at}/${r}`, code: 'invalid_coordinates' });
      return null;
    }
    if (ring.length < 4) {
      problems.push({ path: `${at}/${r}`, code: 'ring_too_short' });
      return null;
    }
    const positions: Position[] = [];
    for (let p = 0; p < ring.length; p++) {
      const position: unknown = ring[p];
      if (!isPosition(position)) {
        problems.push({ path: `${at}/${r}/${p}`, code: 'invalid_coordinates' });
        return null;
      }
      positions.push([position[0], position[1]]);
    }
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      problems.push({ path: `${at}/${r}/${ring.length - 1}`, code: 'ring_not_closed' });
      return null;
    }
    rings.push(positions);
  }
  return rings;
}

function isPosition(value: unknown): value is [number, number] {
  if (!Array.isArray(value) || value.length < 2) return false;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
