import type { Entries } from './entries';
import { asPosition } from './world';

/** Children's best interests: BIA, BID, care arrangements, the record, the overdue list. */
export const CHILD_ROUTES: Entries = {
  'POST /api/v1/persons/{id}/bia': {
    kind: 'record',
    verb: 'child.assess',
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/persons/${(await w.child(asPosition(position), actor)).personId}/bia`,
      body: { urgency: '1_week', identifiedAt: '2026-06-01' },
    }),
  },
  'PATCH /api/v1/bias/{id}': {
    kind: 'record',
    verb: 'child.assess',
    success: 200,
    request: async (w, actor, position) => ({
      path: `/api/v1/bias/${(await w.child(asPosition(position), actor, { fresh: true })).biaId}`,
      body: { completedAt: '2026-06-10', version: 2 },
    }),
  },
  'POST /api/v1/persons/{id}/bid': {
    kind: 'record',
    verb: 'child.determine',
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/persons/${(await w.child(asPosition(position), actor)).personId}/bid`,
      body: {
        assessmentDate: '2026-06-01',
        decisionDate: '2026-06-10',
        panel: ['m1', 'm2', 'm3'].map((memberId) => ({ memberId, role: 'child_protection', confidentialityUndertakingSigned: true })),
        childViews: { kind: 'agrees' },
        recommendation: { kind: 'keep_care_arrangement' },
      },
    }),
  },
  'POST /api/v1/persons/{id}/care-arrangements': {
    kind: 'record',
    verb: 'child.assess',
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/persons/${(await w.child(asPosition(position), actor, { fresh: true })).personId}/care-arrangements`,
      body: { kind: 'foster', carer: { kind: 'carer_record', carerId: 'foster-family-1' }, startDate: '2026-06-01' },
    }),
  },
  'GET /api/v1/persons/{id}/care-arrangements': {
    kind: 'record',
    verb: 'child.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/persons/${(await w.child(asPosition(position), actor)).personId}/care-arrangements` }),
  },
  'PATCH /api/v1/care-arrangements/{id}': {
    kind: 'record',
    verb: 'child.assess',
    success: 200,
    request: async (w, actor, position) => ({
      path: `/api/v1/care-arrangements/${(await w.child(asPosition(position), actor, { fresh: true })).arrangementId}`,
      body: { endDate: '2026-06-10', version: 1 },
    }),
  },
  'PUT /api/v1/care-arrangements/{id}': {
    kind: 'record',
    verb: 'child.assess',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({
      path: `/api/v1/care-arrangements/${(await w.child(asPosition(position), actor, { fresh: true })).arrangementId}`,
      body: { kind: 'kinship', carer: { kind: 'carer_record', carerId: 'aunt-record-1' }, startDate: '2026-05-01', endDate: null, reason: 'The carer is her aunt, not a foster family', version: 1 },
    }),
  },
  'PUT /api/v1/bias/{id}/content': {
    kind: 'record',
    verb: 'child.assess',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({
      path: `/api/v1/bias/${(await w.child(asPosition(position), actor, { fresh: true })).biaId}/content`,
      body: { situationAndCare: 'Revised', protectionConcerns: 'CANARY-CHILD-CONCERNS again', version: 2 },
    }),
  },
  'GET /api/v1/persons/{id}/best-interests': {
    kind: 'record',
    verb: 'child.read',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/persons/${(await w.child(asPosition(position), actor)).personId}/best-interests` }),
  },
  'GET /api/v1/children/my-deadlines': { kind: 'operation', verb: 'child.read', success: 200, request: async () => ({ path: '/api/v1/children/my-deadlines' }) },
  'GET /api/v1/children/overdue': { kind: 'operation', verb: 'child.supervise', success: 200, request: async () => ({ path: '/api/v1/children/overdue' }) },
};
