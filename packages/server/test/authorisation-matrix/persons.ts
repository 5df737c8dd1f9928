import type { Actor } from '@waymark/core';
import type { Entries } from './entries';
import { SGBV_CANARY } from './fixtures';
import { asPosition, type OrgPosition, type Position, type World } from './world';

const personPath = (suffix = '') => async (w: World, actor: Actor, position: Position | OrgPosition) => ({
  path: `/api/v1/persons/${(await w.record(asPosition(position), actor)).personId}${suffix}`,
});

/** A fresh household of the position with a second member (an adult) the administrator added, for routes that take one away. */
async function householdOfTwo(w: World, actor: Actor, position: Position | OrgPosition): Promise<{ householdId: string; joined: string }> {
  const record = await w.freshRecord(asPosition(position), actor);
  const added = await w.writeAsAdmin('POST', `/api/v1/households/${record.householdId}/members`, {
    version: await w.version('households', record.householdId),
    relationshipToHead: 'sibling',
    person: { givenName: 'Sibling', familyName: 'By matrix', sex: 'male', birthYear: 1990 },
  });
  if (added.status !== 200) throw new Error(`add a member: ${added.status} ${JSON.stringify(added.body)}`);
  const members = (added.body as { household: { members: { id: string }[] } }).household.members;
  return { householdId: record.householdId, joined: members.find((member) => member.id !== record.personId)!.id };
}

/** People and households: registration, screening, protection notes, consent, assignment, subject access and erasure. */
export const PERSON_ROUTES: Entries = {
  'GET /api/v1/persons': { kind: 'operation', verb: 'person.read', listsPeople: true, success: 200, request: async () => ({ path: '/api/v1/persons?limit=200&name=matrix' }) },
  'POST /api/v1/persons': {
    kind: 'operation',
    verb: 'person.create',
    success: 201,
    request: async () => ({ path: '/api/v1/persons', body: { givenName: 'Created', familyName: 'By matrix', sex: 'female', birthYear: 1990 } }),
  },
  'GET /api/v1/persons/{id}': { kind: 'record', verb: 'person.read', mayCarrySensitive: true, success: 200, request: personPath() },
  'PATCH /api/v1/persons/{id}': {
    kind: 'record',
    verb: 'person.update',
    success: 200,
    request: async (w, actor, position) => {
      const record = await w.record(asPosition(position), actor);
      return { path: `/api/v1/persons/${record.personId}`, body: { version: await w.version('persons', record.personId), languages: ['ar'] } };
    },
  },
  'POST /api/v1/households': {
    kind: 'operation',
    verb: 'household.create',
    success: 201,
    request: async () => ({
      path: '/api/v1/households',
      body: { members: [{ givenName: 'Head', familyName: 'By matrix', sex: 'male', birthYear: 1980, relationshipToHead: 'head' }] },
    }),
  },
  'GET /api/v1/households/{id}': {
    kind: 'record',
    verb: 'household.read',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/households/${(await w.record(asPosition(position), actor)).householdId}` }),
  },
  'PATCH /api/v1/households/{id}': {
    kind: 'record',
    verb: 'household.update',
    success: 200,
    request: async (w, actor, position) => {
      const record = await w.record(asPosition(position), actor);
      return { path: `/api/v1/households/${record.householdId}`, body: { version: await w.version('households', record.householdId), siteId: null } };
    },
  },
  'GET /api/v1/households/{id}/changes': {
    kind: 'record',
    verb: 'household.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/households/${(await w.record(asPosition(position), actor)).householdId}/changes` }),
  },
  'POST /api/v1/households/{id}/members': {
    kind: 'record',
    verb: 'household.update',
    fresh: true,
    success: 200,
    request: async (w, actor, position) => {
      const record = await w.freshRecord(asPosition(position), actor);
      return {
        path: `/api/v1/households/${record.householdId}/members`,
        body: { version: await w.version('households', record.householdId), relationshipToHead: 'sibling', person: { givenName: 'Joined', familyName: 'By matrix', sex: 'male', birthYear: 1995 } },
      };
    },
  },
  'POST /api/v1/households/{id}/removals': {
    kind: 'record',
    verb: 'household.update',
    fresh: true,
    success: 200,
    request: async (w, actor, position) => {
      const { householdId, joined } = await householdOfTwo(w, actor, position);
      return { path: `/api/v1/households/${householdId}/removals`, body: { version: await w.version('households', householdId), personId: joined } };
    },
  },
  'POST /api/v1/households/{id}/splits': {
    kind: 'record',
    verb: 'household.update',
    fresh: true,
    success: 201,
    request: async (w, actor, position) => {
      const { householdId, joined } = await householdOfTwo(w, actor, position);
      return { path: `/api/v1/households/${householdId}/splits`, body: { version: await w.version('households', householdId), headPersonId: joined } };
    },
  },
  'GET /api/v1/sites': { kind: 'self', success: 200, request: async () => ({ path: '/api/v1/sites' }) },
  'GET /api/v1/instruments': { kind: 'operation', verb: 'instrument.read', success: 200, request: async () => ({ path: '/api/v1/instruments' }) },
  'GET /api/v1/instruments/{id}': { kind: 'operation', verb: 'instrument.read', success: 200, request: async () => ({ path: '/api/v1/instruments/heightened-risk' }) },
  'POST /api/v1/persons/{id}/screenings': {
    kind: 'record',
    verb: 'screening.create',
    success: 201,
    request: async (w, actor, position) => ({
      ...(await personPath('/screenings')(w, actor, position)),
      body: { instrument: 'heightened-risk', responses: { mms_used_smuggler: 'no' } },
    }),
  },
  'GET /api/v1/persons/{id}/screenings': { kind: 'record', verb: 'screening.read', mayCarrySensitive: true, success: 200, request: personPath('/screenings') },
  'GET /api/v1/persons/{id}/protection-notes': {
    kind: 'record',
    verb: 'protection_note.read',
    mayCarrySensitive: true,
    success: 200,
    request: personPath('/protection-notes'),
  },
  'POST /api/v1/persons/{id}/protection-notes': {
    kind: 'record',
    verb: 'protection_note.write',
    success: 201,
    request: async (w, actor, position) => ({ ...(await personPath('/protection-notes')(w, actor, position)), body: { topic: 'health', body: 'Referred for care.' } }),
  },
  'PATCH /api/v1/protection-notes/{id}': {
    kind: 'record',
    verb: 'protection_note.write',
    needsSgbvClearance: true,
    success: 200,
    request: async (w, actor, position) => {
      const record = await w.record(asPosition(position), actor);
      return { path: `/api/v1/protection-notes/${record.noteId}`, body: { version: await w.version('protection_notes', record.noteId), body: `${SGBV_CANARY} (revised)` } };
    },
  },
  'GET /api/v1/persons/{id}/consents': { kind: 'record', verb: 'consent.read', success: 200, request: personPath('/consents') },
  'POST /api/v1/persons/{id}/consents': {
    kind: 'record',
    verb: 'consent.record',
    success: 201,
    request: async (w, actor, position) => ({
      ...(await personPath('/consents')(w, actor, position)),
      body: { purpose: 'tracing', decision: 'given', method: 'oral', givenBy: 'self' },
    }),
  },
  'PUT /api/v1/persons/{id}/assignment': {
    kind: 'record',
    verb: 'person.assign',
    fresh: true,
    success: 200,
    request: async (w, actor, position) => {
      const record = await w.freshRecord(asPosition(position), actor);
      return {
        path: `/api/v1/persons/${record.personId}/assignment`,
        body: { assignedUserId: w.assigneeFor(asPosition(position)), version: await w.version('persons', record.personId) },
      };
    },
  },
  'GET /api/v1/persons/{id}/export': {
    kind: 'record',
    verb: 'person.export',
    mayCarrySensitive: true,
    success: 200,
    request: personPath('/export?format=json'),
  },
  'POST /api/v1/persons/{id}/erasure': {
    kind: 'record',
    verb: 'person.erase',
    fresh: true,
    success: 200,
    request: async (w, actor, position) => ({
      path: `/api/v1/persons/${(await w.freshRecord(asPosition(position), actor)).personId}/erasure`,
      body: { reason: 'The person asked in writing to be forgotten.', mode: 'anonymise' },
    }),
  },
};
