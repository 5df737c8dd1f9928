import type { BoundaryUpload } from '@waymark/contracts';
import type { Failure } from '../failure';

/** A shape of a level already loaded, as the database holds it: GeoJSON text. */
export interface ShapeText {
  code: string;
  geometry: string;
}

/** What the worker read from an upload: the file's own fields, and the areas' codes. */
export type ReadAnswer =
  | { ok: true; upload: Omit<BoundaryUpload, 'geojson'>; codes: string[] }
  /**
   * `codesIfOnlyBadCodes`: when every problem is a code outside the area-code pattern, the
   * file's codes, so the caller can tell a file keyed on the wrong property (names: 422
   * unmatched) from one with a few bad codes (400).
   */
  | { ok: false; error: Failure; codesIfOnlyBadCodes?: string[] };

/** The main thread's question once it has read the levels around the upload's. */
export interface PlaceRequest {
  above: ShapeText[];
  below: ShapeText[];
}

/** What a worker is asked, in this order for each upload: read, then place or drop. */
export type WorkerRequest = { type: 'read'; body: Uint8Array } | ({ type: 'place' } & PlaceRequest) | { type: 'drop' };

/** The upload's areas with their parents, and the parents of the level below. */
export interface PlaceAnswer {
  /** Whether any area of the level below lies inside the upload's shapes. */
  holdsBelow: boolean;
  /** Whether any of the upload's areas lies inside an area of the level above (not the nearest-shape fallback). */
  insideAbove: boolean;
  /** Each area's geometry as JSON text, ready to store (no parse on the main thread). */
  areas: Array<{ code: string; name: string; parentCode: string | null; geometry: string }>;
  reparented: Array<[string, string | null]>;
}
