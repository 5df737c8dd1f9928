import type { Actor } from '@waymark/core';
import type { Entries } from './entries';
import type { Position, World } from './world';
import { asPosition } from './world';

/** A referral task on the position's case, with the person's referral consent for agency B (set up once per case by the administrator). */
const referralTasks = new Map<string, Promise<string>>();
async function referralTask(w: World, position: Position, actor: Actor): Promise<string> {
  const held = await w.case(position, actor);
  const known = referralTasks.get(held.caseId);
  if (known) return known;
  const made = (async () => {
    const personId = (await w.record(position, actor)).personId;
    const consent = await w.writeAsAdmin('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'referral', recipientAgencyId: w.agencyB, decision: 'given', method: 'written', givenBy: 'self' });
    if (consent.status !== 201) throw new Error(`referral consent: ${consent.status} ${JSON.stringify(consent.body)}`);
    const task = await w.writeAsAdmin('POST', `/api/v1/cases/${held.caseId}/tasks`, { kind: 'referral', title: 'Referral to the anti-trafficking partner' });
    if (task.status !== 201) throw new Error(`referral task: ${task.status} ${JSON.stringify(task.body)}`);
    return (task.body as { id: string }).id;
  })();
  referralTasks.set(held.caseId, made);
  return made;
}

/** Protection cases: opening, lifecycle, assignment, plan and tasks, trafficking assessments, printed documents, work lists. */
export const CASE_ROUTES: Entries = {
  'POST /api/v1/cases': {
    kind: 'record',
    verb: 'case.create',
    success: 201,
    request: async (w, actor, position) => ({ path: '/api/v1/cases', body: { personId: (await w.record(asPosition(position), actor)).personId } }),
  },
  'GET /api/v1/cases/lookup': {
    kind: 'record',
    verb: 'case.read',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor);
      const detail = (await w.readAsAdmin(`/api/v1/cases/${held.caseId}`)) as { caseNumber: string };
      // As typed: lower case and spaces around it are accepted.
      return { path: `/api/v1/cases/lookup?number=${encodeURIComponent(` ${detail.caseNumber.toLowerCase()} `)}` };
    },
  },
  'GET /api/v1/cases/{id}': {
    kind: 'record',
    verb: 'case.read',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}` }),
  },
  'POST /api/v1/cases/{id}/transitions': {
    kind: 'record',
    verb: 'case.update',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor, { fresh: true });
      return { path: `/api/v1/cases/${held.caseId}/transitions`, body: { event: 'start_assessment', version: await w.version('cases', held.caseId) } };
    },
  },
  'PUT /api/v1/cases/{id}/assignment': {
    kind: 'record',
    verb: 'case.assign',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor, { fresh: true });
      return {
        path: `/api/v1/cases/${held.caseId}/assignment`,
        body: { assignedUserId: w.assigneeFor(asPosition(position)), version: await w.version('cases', held.caseId) },
      };
    },
  },
  'PUT /api/v1/cases/{id}/plan': {
    kind: 'record',
    verb: 'case.update',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor);
      return {
        path: `/api/v1/cases/${held.caseId}/plan`,
        body: { goals: ['Work as a nurse again'], strengths: [], skills: [], wishes: [], version: await w.version('cases', held.caseId) },
      };
    },
  },
  'POST /api/v1/cases/{id}/tasks': {
    kind: 'record',
    verb: 'case.update',
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/tasks`,
      body: { kind: 'follow_up', title: 'Home visit' },
    }),
  },
  'PATCH /api/v1/case-tasks/{id}': {
    kind: 'record',
    verb: 'case.update',
    success: 200,
    request: async (w, actor, position) => {
      const held = await w.case(asPosition(position), actor);
      return { path: `/api/v1/case-tasks/${held.taskId}`, body: { dueDate: '2026-12-31', version: await w.version('case_tasks', held.taskId) } };
    },
  },
  'POST /api/v1/cases/{id}/trafficking-assessments': {
    kind: 'record',
    verb: 'trafficking.assess',
    mayCarrySensitive: true,
    success: 201,
    request: async (w, actor, position) => ({
      path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/trafficking-assessments`,
      body: { acts: ['recruitment'], purposes: ['forced_labour_or_services'] },
    }),
  },
  'GET /api/v1/cases/{id}/trafficking-assessments': {
    kind: 'record',
    verb: 'trafficking.read',
    mayCarrySensitive: true,
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/trafficking-assessments` }),
  },
  // Printed documents: the same reach as reading the case (their content is the JSON's,
  // per clearance; tested with the PDF's text in case-documents.test.ts).
  'GET /api/v1/cases/{id}/summary.pdf': {
    kind: 'record',
    verb: 'case.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/cases/${(await w.case(asPosition(position), actor)).caseId}/summary.pdf` }),
  },
  'GET /api/v1/case-tasks/{id}/referral.pdf': {
    kind: 'record',
    verb: 'case.read',
    success: 200,
    request: async (w, actor, position) => ({ path: `/api/v1/case-tasks/${await referralTask(w, asPosition(position), actor)}/referral.pdf?agencyId=${w.agencyB}` }),
  },
  'GET /api/v1/my-work': { kind: 'operation', verb: 'case.read', success: 200, request: async () => ({ path: '/api/v1/my-work' }) },
  'GET /api/v1/cases/closure-requests': { kind: 'operation', verb: 'case.approve_closure', success: 200, request: async () => ({ path: '/api/v1/cases/closure-requests' }) },
  'GET /api/v1/workload': { kind: 'operation', verb: 'case.assign', success: 200, request: async () => ({ path: '/api/v1/workload' }) },
};
