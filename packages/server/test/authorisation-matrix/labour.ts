import { mayChangeWorkplace, mayOpenInformant } from '@waymark/core';
import type { Entries } from './entries';
import { created, INFORMANT_CANARY } from './fixtures';
import { asPosition, type World } from './world';

const workplaces = new WeakMap<World, Promise<string>>();

const newWorkplace = (w: World) =>
  created(w, '/api/v1/workplaces', { operationId: w.operationId, name: `Workshop ${w.unique()}`, sector: 'C_Manufacturing', adminAreaCode: 'AREA-MATRIX' });

function sharedWorkplace(w: World): Promise<string> {
  if (!workplaces.has(w)) workplaces.set(w, newWorkplace(w));
  return workplaces.get(w)!;
}

/**
 * Labour conditions: the operation shares one map of workplaces (read and reported on by
 * every agency), but a workplace is held like a person: only its holder, in scope, changes
 * or archives it, and a report's informant opens only on need to know (core/policy
 * labour-programmes.ts). Linking a person acts on a person-held record.
 */
export const LABOUR_ROUTES: Entries = {
  'GET /api/v1/workplaces': { kind: 'operation', verb: 'labour.read', success: 200, request: async () => ({ path: '/api/v1/workplaces' }) },
  'POST /api/v1/workplaces': {
    kind: 'operation',
    verb: 'labour.record',
    success: 201,
    request: async (w) => ({ path: '/api/v1/workplaces', body: { operationId: w.operationId, name: `Farm ${w.unique()}`, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-MATRIX' } }),
  },
  'GET /api/v1/workplaces/{id}': {
    kind: 'held',
    verb: 'labour.read',
    reach: 'operation',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/workplaces/${await w.held('workplace', asPosition(position), actor)}` }),
    inspect: (actor, record, body) => {
      const read = body as { mayChange: boolean; reports: { informantName: string | null; hasInformant: boolean }[] };
      const problems: string[] = [];
      const shown = JSON.stringify(body).includes(INFORMANT_CANARY);
      if (shown !== mayOpenInformant(actor, record)) problems.push(`informant ${shown ? 'shown' : 'withheld'} against the rule book`);
      if (!read.reports.some((report) => report.hasInformant)) problems.push('hasInformant lost');
      if (read.mayChange !== mayChangeWorkplace(actor, record)) problems.push(`mayChange ${read.mayChange} against the rule book`);
      return problems;
    },
  },
  'PATCH /api/v1/workplaces/{id}': {
    kind: 'held',
    verb: 'labour.record',
    reach: 'scope',
    success: 200,
    request: async (w, actor, position) => {
      const id = await w.held('workplace', asPosition(position), actor);
      return { path: `/api/v1/workplaces/${id}`, body: { description: `Visited ${w.unique()}`, version: await w.version('workplaces', id) } };
    },
  },
  'DELETE /api/v1/workplaces/{id}': {
    kind: 'held',
    verb: 'labour.record',
    reach: 'scope',
    success: 204,
    request: async (w, actor, position) => ({ path: `/api/v1/workplaces/${await w.held('workplace', asPosition(position), actor, { fresh: true })}` }),
  },
  // Any agency adds what it learned to the shared map; the report is held by the recorder's agency.
  'POST /api/v1/workplaces/{id}/reports': {
    kind: 'held',
    verb: 'labour.record',
    reach: 'operation',
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/workplaces/${await w.held('workplace', asPosition(position), actor)}/reports`,
      body: { sourceType: 'site_visit', reportedOn: '2026-06-01', conditions: ['long_hours'], indicators: ['excessive_overtime'] },
    }),
  },
  'POST /api/v1/workplaces/{id}/people': {
    kind: 'record',
    verb: 'labour.record',
    success: 201,
    request: async (w, actor, position) => ({ path: `/api/v1/workplaces/${await sharedWorkplace(w)}/people`, body: { personId: (await w.record(asPosition(position), actor)).personId } }),
  },
  'GET /api/v1/reports/labour-by-area': { kind: 'operation', verb: 'aggregate.read', success: 200, request: async () => ({ path: '/api/v1/reports/labour-by-area' }) },
};
