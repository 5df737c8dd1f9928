import type { Entries } from './entries';
import { has } from './expectations';
import { asOrg, operationOf } from './world';

/** Aggregates: the risk map's areas and tables, boundary files, the suppression threshold, reports and exports. */
export const POPULATION_ROUTES: Entries = {
  'GET /api/v1/population/areas': { kind: 'operation', verb: 'aggregate.read', success: 200, request: async (w) => ({ path: `/api/v1/population/areas?operationId=${w.operationId}` }) },
  'GET /api/v1/population/aggregates': {
    kind: 'operation',
    verb: 'aggregate.read',
    success: 200,
    request: async (w) => ({ path: `/api/v1/population/aggregates?operationId=${w.operationId}&view=risk_level&by=sex` }),
  },
  'POST /api/v1/operations/{id}/boundaries': {
    kind: 'org',
    success: 200,
    expect: (actor, position) => (!has(actor, 'aggregate.manage') ? 403 : position === 'other_operation' ? 404 : 200),
    request: async (w, _actor, position) => {
      // A person carrying the file's area code, so the upload matches someone.
      if (position !== 'other_operation') {
        await w.writeAsAdmin('POST', '/api/v1/persons', { givenName: 'Area', familyName: 'Matrix', sex: 'female', birthYear: 1990, adminAreaCode: 'MATRIX-AREA-1' });
      }
      const square = [[[35, 33], [35.1, 33], [35.1, 33.1], [35, 33.1], [35, 33]]];
      return {
        path: `/api/v1/operations/${operationOf(w, asOrg(position))}/boundaries`,
        body: {
          level: 2,
          codeProperty: 'pcode',
          source: 'matrix test',
          geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { pcode: 'MATRIX-AREA-1', shapeName: 'Matrix' }, geometry: { type: 'Polygon', coordinates: square } }] },
        },
      };
    },
  },
  'PUT /api/v1/operations/{id}/disclosure': {
    kind: 'org',
    success: 200,
    expect: (actor, position) => (!has(actor, 'aggregate.manage') ? 403 : position === 'other_operation' ? 404 : 200),
    request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/disclosure`, body: { minCellCount: 5 } }),
  },
  'GET /api/v1/reports/risk-by-area': { kind: 'operation', verb: 'aggregate.read', success: 200, request: async () => ({ path: '/api/v1/reports/risk-by-area' }) },
  'GET /api/v1/exports/{view}': { kind: 'operation', verb: 'aggregate.read', success: 200, request: async () => ({ path: '/api/v1/exports/risk-by-area?format=hxl' }) },
};
