import { areaCodesIn, assignParents, holdsAny, readBoundaries, type AreaGeometry, type BoundaryFeature } from '@waymark/core';
import { BoundaryUploadSchema, fieldProblemsFromZod } from '@waymark/contracts';
import { parentPort } from 'node:worker_threads';
import { failure } from '../failure';
import type { PlaceAnswer, PlaceRequest, ReadAnswer, ShapeText, WorkerRequest } from './messages';

/**
 * The heavy half of a boundary upload, on a worker thread (issue 20 §1): parsing a file of up
 * to 16 MB, checking every position, and placing each area under its parent. On the main
 * thread these blocked every other request; here the event loop only moves bytes and rows.
 *
 * A worker serves one upload at a time: it reads the body and answers with the codes, then
 * waits for the shapes around the upload's level (which the main thread reads inside the
 * upload's transaction) and answers with every area and parent; then the next upload.
 */
const port = parentPort!;

function readUpload(body: Uint8Array): { answer: ReadAnswer; features: BoundaryFeature[] } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { answer: { ok: false, error: failure('invalid_json') }, features: [] };
  }
  const parsed = BoundaryUploadSchema.safeParse(json ?? {}, { reportInput: true });
  if (!parsed.success) return { answer: { ok: false, error: failure('validation_failed', undefined, fieldProblemsFromZod(parsed.error)) }, features: [] };
  const { geojson, ...upload } = parsed.data;
  const boundaries = readBoundaries(geojson, upload.codeProperty, upload.nameProperty);
  if (!boundaries.ok) {
    const errors = boundaries.error.map((problem) => ({ path: `/geojson${problem.path}`, code: problem.code, message: problem.code.replace(/_/g, ' ') }));
    const onlyBadCodes = boundaries.error.every((problem) => problem.code === 'invalid_area_code');
    const codesIfOnlyBadCodes = onlyBadCodes ? areaCodesIn(geojson, upload.codeProperty) : undefined;
    return { answer: { ok: false, error: failure('validation_failed', undefined, errors), codesIfOnlyBadCodes }, features: [] };
  }
  return { answer: { ok: true, upload, codes: boundaries.value.map((feature) => feature.code) }, features: boundaries.value };
}

const shapesOf = (texts: readonly ShapeText[]) => texts.map((shape) => ({ code: shape.code, geometry: JSON.parse(shape.geometry) as AreaGeometry }));

function place(features: readonly BoundaryFeature[], request: PlaceRequest): PlaceAnswer {
  const above = shapesOf(request.above);
  const below = shapesOf(request.below);
  const parents = above.length > 0 ? assignParents(features, above) : new Map<string, string | null>();
  return {
    holdsBelow: holdsAny(features, below),
    insideAbove: holdsAny(above, features),
    areas: features.map((feature) => ({ code: feature.code, name: feature.name, parentCode: parents.get(feature.code) ?? null, geometry: JSON.stringify(feature.geometry) })),
    reparented: [...(below.length > 0 ? assignParents(below, features) : new Map<string, string | null>())],
  };
}

/** The features of the upload being served, between its read and its place. */
let features: BoundaryFeature[] = [];
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'read') {
    const { answer, features: read } = readUpload(request.body);
    features = read;
    port.postMessage(answer);
  } else if (request.type === 'place') {
    port.postMessage(place(features, request));
    features = [];
  } else {
    features = [];
  }
});
