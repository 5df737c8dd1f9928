import type { Entries } from './entries';
import { asPosition } from './world';

const LOW_RISK = { level: 'low', reasons: [] };
/** A durable-solutions assessment that lets resettlement be put forward. */
export const SOLUTIONS_ASSESSED = {
  assessedOn: '2026-01-15',
  solutions: {
    voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: LOW_RISK },
    local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: LOW_RISK },
    resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: LOW_RISK },
  },
};

/** Durable solutions, resettlement and solution steps on a case. */
export const SOLUTION_ROUTES: Entries = {
  'GET /api/v1/cases/{id}/durable-solutions': {
    kind: 'record',
    verb: 'solution.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/durable-solutions` }),
  },
  'PUT /api/v1/cases/{id}/durable-solutions': {
    kind: 'record',
    verb: 'solution.assess',
    success: 200,
    request: async (w, actor, position) => {
      const path = `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/durable-solutions`;
      const current = (await w.readAsAdmin(path)) as { assessment: { version: number } | null };
      return { path, body: { ...SOLUTIONS_ASSESSED, ...(current.assessment ? { version: current.assessment.version } : {}) } };
    },
  },
  'GET /api/v1/cases/{id}/resettlement/suggestions': {
    kind: 'record',
    verb: 'solution.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/resettlement/suggestions` }),
  },
  'PUT /api/v1/cases/{id}/resettlement': {
    kind: 'record',
    verb: 'resettlement.submit',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor, { fresh: true });
      await w.writeAsAdmin('PUT', `/api/v1/cases/${held.caseId}/durable-solutions`, SOLUTIONS_ASSESSED);
      return { path: `/api/v1/cases/${held.caseId}/resettlement`, body: { primary: 'legal_physical_protection', secondary: null, priority: 'normal' } };
    },
  },
  'GET /api/v1/resettlement-queue': { kind: 'operation', verb: 'resettlement.queue', success: 200, request: async () => ({ path: '/api/v1/resettlement-queue' }) },
  'GET /api/v1/cases/{id}/resettlement': {
    kind: 'record',
    verb: 'solution.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/resettlement` }),
  },
  'GET /api/v1/cases/{id}/solution-steps': {
    kind: 'record',
    verb: 'solution.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/solution-steps` }),
  },
  'POST /api/v1/cases/{id}/solution-steps': {
    kind: 'record',
    verb: 'solution.assess',
    success: 201,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/solution-steps`, body: { kind: 'resettlement' } }),
  },
  'PATCH /api/v1/solution-steps/{id}': {
    kind: 'record',
    verb: 'solution.assess',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor);
      const step = await w.writeAsAdmin('POST', `/api/v1/cases/${held.caseId}/solution-steps`, { kind: 'relocation' });
      return { path: `/api/v1/solution-steps/${(step.body as { id: string }).id}`, body: { status: 'in_progress', version: 1 } };
    },
  },
};
