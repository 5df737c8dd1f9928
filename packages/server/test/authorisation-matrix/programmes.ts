import type { Entries } from './entries';
import { created } from './fixtures';
import { asPosition, type World } from './world';

/** A programme every entry may use (created once per world by the administrator). */
const PROGRAMME = { kind: 'trafficking_awareness', capacity: 100_000, rule: { field: 'sex', op: 'in', values: ['female', 'male', 'other', 'unknown'] } };
const programmes = new WeakMap<World, Promise<string>>();

function sharedProgramme(w: World): Promise<string> {
  if (!programmes.has(w)) programmes.set(w, created(w, '/api/v1/programmes', { ...PROGRAMME, operationId: w.operationId, name: `Matrix ${w.unique()}` }));
  return programmes.get(w)!;
}

/** Prevention programmes: programmes belong to the operation; enrolling acts on a person-held record. */
export const PROGRAMME_ROUTES: Entries = {
  'GET /api/v1/programmes': { kind: 'operation', verb: 'programme.read', success: 200, request: async () => ({ path: '/api/v1/programmes' }) },
  'POST /api/v1/programmes': {
    kind: 'operation',
    verb: 'programme.manage',
    success: 201,
    request: async (w) => ({ path: '/api/v1/programmes', body: { ...PROGRAMME, operationId: w.operationId, name: `Awareness ${w.unique()}` } }),
  },
  'GET /api/v1/programmes/{id}': { kind: 'operation', verb: 'programme.read', success: 200, request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}` }) },
  'PATCH /api/v1/programmes/{id}': {
    kind: 'operation',
    verb: 'programme.manage',
    success: 200,
    request: async (w) => {
      const id = await sharedProgramme(w);
      const current = (await w.readAsAdmin(`/api/v1/programmes/${id}`)) as { version: number };
      return { path: `/api/v1/programmes/${id}`, body: { capacity: 100_000, version: current.version } };
    },
  },
  'GET /api/v1/programmes/{id}/targets': { kind: 'operation', verb: 'programme.enrol', success: 200, request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}/targets` }) },
  'GET /api/v1/programmes/{id}/enrolments': { kind: 'operation', verb: 'programme.enrol', success: 200, request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}/enrolments` }) },
  'POST /api/v1/programmes/{id}/enrolments': {
    kind: 'record',
    verb: 'programme.enrol',
    success: 201,
    request: async (w, actor, position) => {
      const personId = (await w.record(asPosition(position), actor)).personId;
      await w.writeAsAdmin('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'programme_enrolment', decision: 'given', method: 'written', givenBy: 'self' });
      return { path: `/api/v1/programmes/${await sharedProgramme(w)}/enrolments`, body: { personId } };
    },
  },
  'GET /api/v1/programmes/{id}/sessions': { kind: 'operation', verb: 'programme.read', success: 200, request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}/sessions` }) },
  'POST /api/v1/programmes/{id}/sessions': {
    kind: 'operation',
    verb: 'programme.enrol',
    success: 201,
    request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}/sessions`, body: { heldOn: '2026-06-10', topic: 'Safe work', attendees: [] } }),
  },
  'GET /api/v1/programmes/{id}/coverage': { kind: 'operation', verb: 'programme.read', success: 200, request: async (w) => ({ path: `/api/v1/programmes/${await sharedProgramme(w)}/coverage` }) },
};
