import type { Entries } from './entries';
import { created } from './fixtures';
import { asPosition, type World } from './world';

const workplaces = new WeakMap<World, Promise<string>>();

const newWorkplace = (w: World) =>
  created(w, '/api/v1/workplaces', { operationId: w.operationId, name: `Workshop ${w.unique()}`, sector: 'C_Manufacturing', adminAreaCode: 'AREA-MATRIX' });

function sharedWorkplace(w: World): Promise<string> {
  if (!workplaces.has(w)) workplaces.set(w, newWorkplace(w));
  return workplaces.get(w)!;
}

/** Labour conditions: workplaces belong to the operation; linking a person acts on a person-held record. */
export const LABOUR_ROUTES: Entries = {
  'GET /api/v1/workplaces': { kind: 'operation', verb: 'labour.read', success: 200, request: async () => ({ path: '/api/v1/workplaces' }) },
  'POST /api/v1/workplaces': {
    kind: 'operation',
    verb: 'labour.record',
    success: 201,
    request: async (w) => ({ path: '/api/v1/workplaces', body: { operationId: w.operationId, name: `Farm ${w.unique()}`, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-MATRIX' } }),
  },
  'GET /api/v1/workplaces/{id}': { kind: 'operation', verb: 'labour.read', success: 200, request: async (w) => ({ path: `/api/v1/workplaces/${await sharedWorkplace(w)}` }) },
  'PATCH /api/v1/workplaces/{id}': {
    kind: 'operation',
    verb: 'labour.record',
    success: 200,
    request: async (w) => {
      const id = await sharedWorkplace(w);
      const current = (await w.readAsAdmin(`/api/v1/workplaces/${id}`)) as { version: number };
      return { path: `/api/v1/workplaces/${id}`, body: { description: `Visited ${w.unique()}`, version: current.version } };
    },
  },
  'DELETE /api/v1/workplaces/{id}': { kind: 'operation', verb: 'labour.record', success: 204, request: async (w) => ({ path: `/api/v1/workplaces/${await newWorkplace(w)}` }) },
  'POST /api/v1/workplaces/{id}/reports': {
    kind: 'operation',
    verb: 'labour.record',
    success: 201,
    request: async (w) => ({ path: `/api/v1/workplaces/${await sharedWorkplace(w)}/reports`, body: { sourceType: 'site_visit', reportedOn: '2026-06-01', conditions: ['long_hours'], indicators: ['excessive_overtime'] } }),
  },
  'POST /api/v1/workplaces/{id}/people': {
    kind: 'record',
    verb: 'labour.record',
    success: 201,
    request: async (w, actor, position) => ({ path: `/api/v1/workplaces/${await sharedWorkplace(w)}/people`, body: { personId: (await w.record(asPosition(position), actor)).personId } }),
  },
  'GET /api/v1/reports/labour-by-area': { kind: 'operation', verb: 'aggregate.read', success: 200, request: async () => ({ path: '/api/v1/reports/labour-by-area' }) },
};
