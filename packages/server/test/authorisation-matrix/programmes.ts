import { can, mayManageProgramme, mayWorkProgramme } from '@waymark/core';
import type { Entries } from './entries';
import { asPosition } from './world';

/**
 * Prevention programmes: every agency of the operation sees a programme and its coverage
 * (through core/disclosure), but a programme is held like a person: renaming, resizing or
 * closing it, and its person-level work (targets, enrolments, sessions), are its holder's,
 * in scope (core/policy labour-programmes.ts). Enrolling acts on a person held as the
 * programme is, so the same position decides both.
 */
const PROGRAMME = { kind: 'trafficking_awareness', capacity: 100_000, rule: { field: 'sex', op: 'in', values: ['female', 'male', 'other', 'unknown'] } };

export const PROGRAMME_ROUTES: Entries = {
  'GET /api/v1/programmes': { kind: 'operation', verb: 'programme.read', success: 200, request: async () => ({ path: '/api/v1/programmes' }) },
  'POST /api/v1/programmes': {
    kind: 'operation',
    verb: 'programme.manage',
    success: 201,
    request: async (w) => ({ path: '/api/v1/programmes', body: { ...PROGRAMME, operationId: w.operationId, name: `Awareness ${w.unique()}` } }),
  },
  'GET /api/v1/programmes/{id}': {
    kind: 'held',
    verb: 'programme.read',
    reach: 'operation',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}` }),
    inspect: (actor, record, body) => {
      const read = body as { mayManage: boolean; mayWork: boolean; enrolled: number | null };
      const problems: string[] = [];
      if (read.mayManage !== mayManageProgramme(actor, record)) problems.push(`mayManage ${read.mayManage} against the rule book`);
      if (read.mayWork !== mayWorkProgramme(actor, record)) problems.push(`mayWork ${read.mayWork} against the rule book`);
      // One person enrolled (by the holder): exact only for readers whose scope holds it.
      const exact = can(actor, 'programme.read', record);
      if (read.enrolled !== (exact ? 1 : null)) problems.push(`enrolled ${read.enrolled} shown to a reader ${exact ? 'holding' : 'not holding'} it`);
      return problems;
    },
  },
  'PATCH /api/v1/programmes/{id}': {
    kind: 'held',
    verb: 'programme.manage',
    reach: 'scope',
    success: 200,
    request: async (w, actor, position) => {
      const id = await w.held('programme', asPosition(position), actor);
      return { path: `/api/v1/programmes/${id}`, body: { capacity: 100_000, version: await w.version('programmes', id) } };
    },
  },
  'GET /api/v1/programmes/{id}/targets': {
    kind: 'held',
    verb: 'programme.enrol',
    reach: 'scope',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/targets` }),
  },
  'GET /api/v1/programmes/{id}/enrolments': {
    kind: 'held',
    verb: 'programme.enrol',
    reach: 'scope',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/enrolments` }),
  },
  'POST /api/v1/programmes/{id}/enrolments': {
    kind: 'held',
    verb: 'programme.enrol',
    reach: 'scope',
    success: 201,
    request: async (w, actor, position) => {
      const personId = (await w.record(asPosition(position), actor)).personId;
      await w.writeAsAdmin('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'programme_enrolment', decision: 'given', method: 'written', givenBy: 'self' });
      return { path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/enrolments`, body: { personId } };
    },
  },
  'GET /api/v1/programmes/{id}/sessions': {
    kind: 'held',
    verb: 'programme.read',
    reach: 'operation',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/sessions` }),
  },
  'POST /api/v1/programmes/{id}/sessions': {
    kind: 'held',
    verb: 'programme.enrol',
    reach: 'scope',
    success: 201,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/sessions`, body: { heldOn: '2026-06-10', topic: 'Safe work', attendees: [] } }),
  },
  'GET /api/v1/programmes/{id}/coverage': {
    kind: 'held',
    verb: 'programme.read',
    reach: 'operation',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/programmes/${await w.held('programme', asPosition(position), actor)}/coverage` }),
  },
};
