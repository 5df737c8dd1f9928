import {
  can,
  canInOperation,
  checkGrant,
  mayReadField,
  ROLE_VERBS,
  type Actor,
  type RecordRef,
  type Verb,
} from '@waymark/core';

/**
 * The authorisation matrix: one entry per route of the route table (openapi-document.ts
 * OPERATIONS). authorisation-matrix.test.ts runs every entry for every role × scope ×
 * record position and asserts allow or deny from the rule book itself, plus that allowed
 * reads leak nothing above the reader's clearance. A route without an entry fails.
 */

/** Where the record a route acts on sits relative to the acting user. */
export type Position = 'mine' | 'colleague' | 'other_agency';
export const POSITIONS: Position[] = ['mine', 'colleague', 'other_agency'];

/** Where an organisational target (operation, agency, team, user) sits. */
export type OrgPosition = 'own_agency' | 'other_agency' | 'other_operation';
export const ORG_POSITIONS: OrgPosition[] = ['own_agency', 'other_agency', 'other_operation'];

/** A protection case about a fixture person, held like the person, with one open task. */
export interface HeldCase {
  caseId: string;
  taskId: string;
}

/** A child held like the fixture records, with one open Best Interests Assessment. */
export interface HeldChild {
  personId: string;
  biaId: string;
}

export interface HeldRecord {
  personId: string;
  householdId: string;
  noteId: string;
  ref: RecordRef;
}

/** What the test has set up, handed to each entry to build its request. */
export interface World {
  operationId: string;
  otherOperationId: string;
  agencyA: string;
  agencyB: string;
  agencyOtherOperation: string;
  /** A team of agency A nobody's scope depends on (membership tests replace it). */
  spareTeamA: string;
  teamB: string;
  teamOtherOperation: string;
  /** Held by the acting user's agency, assigned to a colleague; and one of another agency. */
  record(position: Position, actor: Actor): Promise<HeldRecord>;
  /** A record nobody else uses, for routes that change who holds it or erase it. */
  freshRecord(position: Position, actor: Actor): Promise<HeldRecord>;
  /** A caseworker (own scope) in that position, for user-management routes. */
  targetUser(position: OrgPosition, options?: { fresh?: boolean; disabled?: boolean }): Promise<string>;
  /** A case about the record's person (held as the person is); `fresh` for routes that change its state or holder. */
  case(position: Position, actor: Actor, options?: { fresh?: boolean }): Promise<HeldCase>;
  /** A child (born 2015, unaccompanied) held as the record is, with an open BIA; `fresh` for routes that change its history. */
  child(position: Position, actor: Actor, options?: { fresh?: boolean }): Promise<HeldChild>;
  /** The current version of a row, for routes that name the version they read. */
  version(table: 'persons' | 'households' | 'protection_notes' | 'cases' | 'case_tasks', id: string): Promise<number>;
  /** An enabled worker of the record's agency other than the actor, to assign to. */
  assigneeFor(position: Position): string;
  unique(): string;
  /** Reads an answer as an administrator of the test operation (for versions to name). */
  readAsAdmin(path: string): Promise<unknown>;
  /** Sets up state a route needs first (an assessment, a step) as an administrator. */
  writeAsAdmin(method: string, path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export interface Built {
  path: string;
  body?: unknown;
}

interface Base {
  /** Builds a valid request, so that an allowed actor succeeds with `success`. */
  request(world: World, actor: Actor, position: Position | OrgPosition): Promise<Built>;
  success: number;
}

/** A verb on one person-held record: 403 without the verb, 404 outside scope. */
export interface RecordEntry extends Base {
  kind: 'record';
  verb: Verb;
  /** Changing a highly sensitive section needs the clearance to read it: 403 without. */
  needsSgbvClearance?: boolean;
  /** Reads whose body could carry highly sensitive content get the leak check. */
  mayCarrySensitive?: boolean;
  /** Uses a fresh record each time (the route changes who holds it, or erases it). */
  fresh?: boolean;
}

/** A verb somewhere in the actor's operation (create, list): 403 without the verb. */
export interface OperationEntry extends Base {
  kind: 'operation';
  verb: Verb;
  /** For lists of people: which fixture records the answer may name. */
  listsPeople?: boolean;
}

/** Organisation routes: their own expectation, from the rule book. */
export interface OrgEntry extends Base {
  kind: 'org';
  expect(actor: Actor, position: OrgPosition): number;
}

/**
 * Any signed-in user, about themselves: every role and scope gets the same answer (the
 * route's own state rules may still refuse, e.g. confirming MFA before enrolling).
 */
export interface SelfEntry extends Base {
  kind: 'self';
  /** Ends the session: run last. */
  endsSession?: boolean;
}

export interface PublicEntry extends Base {
  kind: 'public';
}

export type MatrixEntry = RecordEntry | OperationEntry | OrgEntry | SelfEntry | PublicEntry;

export const SGBV_CANARY = 'CANARY-SGBV-NARRATIVE';

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
export const SGBV_ANSWERS = { sg_sexual_violence: 'yes_earlier' };

/** May this reader see the SGBV canary planted on a record? */
export function clearedForSgbv(actor: Actor, record: RecordRef): boolean {
  return mayReadField(actor, { sensitivity: 'highly_sensitive', topic: 'sgbv' }, record);
}

export function expectedForRecord(actor: Actor, verb: Verb, record: RecordRef): 'allow' | 403 | 404 {
  if (!ROLE_VERBS[actor.role].has(verb)) return 403;
  return can(actor, verb, record) ? 'allow' : 404;
}

export function expectedInOperation(actor: Actor, verb: Verb, operationId: string): 'allow' | 403 {
  return canInOperation(actor, verb, operationId) ? 'allow' : 403;
}

const has = (actor: Actor, verb: Verb) => ROLE_VERBS[actor.role].has(verb);
const caseworkerGrant = (agencyId: string, operationId: string) => ({ role: 'caseworker' as const, scope: 'own' as const, agencyId, operationIds: [operationId] });

/** Managing a user: the verb, then the user must be reachable, then held within what the actor may grant. */
function expectManagingUser(world: () => World, success: number) {
  return (actor: Actor, position: OrgPosition): number => {
    if (!has(actor, 'user.manage')) return 403;
    if (position === 'other_operation') return 404;
    // Below operation scope, another agency's users are out of reach: not found, like records.
    if (position === 'other_agency' && actor.scope !== 'operation') return 404;
    const w = world();
    const agencyId = position === 'own_agency' ? w.agencyA : w.agencyB;
    return checkGrant(actor, caseworkerGrant(agencyId, w.operationId)) === null ? success : 403;
  };
}

/** Teams and agencies of an agency: the verb, reachable, and one's own agency below operation scope. */
function expectAgencyBound(verbs: Verb[], success: number) {
  return (actor: Actor, position: OrgPosition): number => {
    if (!verbs.some((verb) => has(actor, verb))) return 403;
    if (position === 'other_operation') return 404;
    if (position === 'other_agency' && actor.scope !== 'operation') return 403;
    return success;
  };
}

const agencyOf = (world: World, position: OrgPosition) =>
  position === 'own_agency' ? world.agencyA : position === 'other_agency' ? world.agencyB : world.agencyOtherOperation;
const operationOf = (world: World, position: OrgPosition) => (position === 'other_operation' ? world.otherOperationId : world.operationId);

const asPosition = (position: Position | OrgPosition) => position as Position;
const asOrg = (position: Position | OrgPosition) => position as OrgPosition;

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

/** A programme every entry may use (created once per world by the administrator). */
const PROGRAMME = { kind: 'trafficking_awareness', capacity: 100_000, rule: { field: 'sex', op: 'in', values: ['female', 'male', 'other', 'unknown'] } };
const programmes = new WeakMap<World, Promise<string>>();
const workplaces = new WeakMap<World, Promise<string>>();

async function created(w: World, path: string, body: unknown): Promise<string> {
  const answer = await w.writeAsAdmin('POST', path, body);
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

function sharedProgramme(w: World): Promise<string> {
  if (!programmes.has(w)) programmes.set(w, created(w, '/api/v1/programmes', { ...PROGRAMME, operationId: w.operationId, name: `Matrix ${w.unique()}` }));
  return programmes.get(w)!;
}

const newWorkplace = (w: World) =>
  created(w, '/api/v1/workplaces', { operationId: w.operationId, name: `Workshop ${w.unique()}`, sector: 'C_Manufacturing', adminAreaCode: 'AREA-MATRIX' });

function sharedWorkplace(w: World): Promise<string> {
  if (!workplaces.has(w)) workplaces.set(w, newWorkplace(w));
  return workplaces.get(w)!;
}

export function buildMatrix(world: () => World): Record<string, MatrixEntry> {
  const personPath = (suffix = '') => async (w: World, actor: Actor, position: Position | OrgPosition) => ({
    path: `/api/v1/persons/${(await w.record(asPosition(position), actor)).personId}${suffix}`,
  });
  return {
    'GET /api/v1/health': { kind: 'public', success: 200, request: async () => ({ path: '/api/v1/health' }) },
    'GET /api/v1/openapi.json': { kind: 'public', success: 200, request: async () => ({ path: '/api/v1/openapi.json' }) },
    // Sign-in is exercised by every user the matrix signs in; here with a wrong password.
    'POST /api/v1/sessions': {
      kind: 'public',
      success: 401,
      request: async () => ({ path: '/api/v1/sessions', body: { email: 'nobody@example.org', password: 'not-the-password' } }),
    },
    'GET /api/v1/sessions/current': { kind: 'self', success: 200, request: async () => ({ path: '/api/v1/sessions/current' }) },
    'POST /api/v1/sessions/current/password': {
      kind: 'self',
      success: 204,
      request: async () => ({ path: '/api/v1/sessions/current/password', body: { currentPassword: 'a-long-test-password', newPassword: 'a-different-long-passphrase' } }),
    },
    'POST /api/v1/sessions/current/mfa': { kind: 'self', success: 201, request: async () => ({ path: '/api/v1/sessions/current/mfa', body: {} }) },
    'POST /api/v1/sessions/current/mfa/confirm': {
      kind: 'self',
      success: 401,
      request: async () => ({ path: '/api/v1/sessions/current/mfa/confirm', body: { code: '000000' } }),
    },
    // Nobody in the matrix has enrolled a second factor: every role gets the same 404.
    'POST /api/v1/sessions/current/mfa/recovery-codes': {
      kind: 'self',
      success: 404,
      request: async () => ({ path: '/api/v1/sessions/current/mfa/recovery-codes', body: { code: '000000' } }),
    },
    'POST /api/v1/sessions/current/mfa/verify': {
      kind: 'self',
      success: 403,
      request: async () => ({ path: '/api/v1/sessions/current/mfa/verify', body: { code: '000000' } }),
    },
    'DELETE /api/v1/sessions/current': { kind: 'self', success: 204, endsSession: true, request: async () => ({ path: '/api/v1/sessions/current' }) },

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
    'POST /api/v1/cases': {
      kind: 'record',
      verb: 'case.create',
      success: 201,
      request: async (w, actor, position) => ({ path: '/api/v1/cases', body: { personId: (await w.record(asPosition(position), actor)).personId } }),
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
        body: { completedAt: '2026-06-10', version: 1 },
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
    'GET /api/v1/persons/{id}/best-interests': {
      kind: 'record',
      verb: 'child.read',
      mayCarrySensitive: true,
      success: 200,
      request: async (w, actor, position) => ({ path: `/api/v1/persons/${(await w.child(asPosition(position), actor)).personId}/best-interests` }),
    },
    'GET /api/v1/children/overdue': { kind: 'operation', verb: 'child.supervise', success: 200, request: async () => ({ path: '/api/v1/children/overdue' }) },
    // Labour conditions and programmes (issue 5): workplaces and programmes belong to the
    // operation; linking and enrolling act on a person-held record.
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
    'GET /api/v1/workload': { kind: 'operation', verb: 'case.supervise', success: 200, request: async () => ({ path: '/api/v1/workload' }) },
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
    'GET /api/v1/audit-events': { kind: 'operation', verb: 'audit.read', success: 200, request: async () => ({ path: '/api/v1/audit-events' }) },

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
    'GET /api/v1/operations/{id}/retention': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/retention` }),
    },
    'PUT /api/v1/operations/{id}/retention': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => {
        const operationId = operationOf(w, asOrg(position));
        const current = position === 'other_operation' ? { version: 0 } : ((await w.readAsAdmin(`/api/v1/operations/${operationId}/retention`)) as { version: number });
        return { path: `/api/v1/operations/${operationId}/retention`, body: { anonymiseInactiveAfterDays: null, version: current.version } };
      },
    },
    'GET /api/v1/operations/{id}/retention/dry-run': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/retention/dry-run` }),
    },
    'GET /api/v1/operations': { kind: 'self', success: 200, request: async () => ({ path: '/api/v1/operations' }) },
    'POST /api/v1/operations': {
      kind: 'org',
      success: 201,
      expect: (actor) => (has(actor, 'agency.manage') && actor.scope === 'operation' ? 201 : 403),
      request: async (w) => {
        const code = w.unique();
        return { path: '/api/v1/operations', body: { code, name: `Operation ${code}`, firstAgency: { code: 'first', name: 'First agency', kind: 'ngo' } } };
      },
    },
    'GET /api/v1/operations/{id}/agencies': {
      kind: 'org',
      success: 200,
      expect: (actor, position) => (!has(actor, 'user.read') && !has(actor, 'agency.manage') ? 403 : position === 'other_operation' ? 404 : 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/agencies` }),
    },
    'POST /api/v1/operations/{id}/agencies': {
      kind: 'org',
      success: 201,
      expect: (actor, position) => (!has(actor, 'agency.manage') ? 403 : position === 'other_operation' ? 404 : actor.scope !== 'operation' ? 403 : 201),
      request: async (w, _actor, position) => ({
        path: `/api/v1/operations/${operationOf(w, asOrg(position))}/agencies`,
        body: { code: w.unique(), name: 'Another agency', kind: 'government' },
      }),
    },
    'GET /api/v1/agencies/{id}/teams': {
      kind: 'org',
      success: 200,
      expect: expectAgencyBound(['user.read'], 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/agencies/${agencyOf(w, asOrg(position))}/teams` }),
    },
    'POST /api/v1/agencies/{id}/teams': {
      kind: 'org',
      success: 201,
      expect: expectAgencyBound(['user.manage'], 201),
      request: async (w, _actor, position) => ({ path: `/api/v1/agencies/${agencyOf(w, asOrg(position))}/teams`, body: { name: `Team ${w.unique()}` } }),
    },
    'PUT /api/v1/teams/{id}/members': {
      kind: 'org',
      success: 200,
      expect: expectAgencyBound(['user.manage'], 200),
      request: async (w, _actor, position) => {
        const team = asOrg(position) === 'own_agency' ? w.spareTeamA : asOrg(position) === 'other_agency' ? w.teamB : w.teamOtherOperation;
        return { path: `/api/v1/teams/${team}/members`, body: { userIds: [] } };
      },
    },
    'GET /api/v1/users': { kind: 'operation', verb: 'user.read', success: 200, request: async () => ({ path: '/api/v1/users' }) },
    'POST /api/v1/users': {
      kind: 'org',
      success: 201,
      expect: (actor, position) => {
        if (!has(actor, 'user.manage')) return 403;
        const w = world();
        const agencyId = position === 'own_agency' ? w.agencyA : position === 'other_agency' ? w.agencyB : w.agencyOtherOperation;
        const operationId = position === 'other_operation' ? w.otherOperationId : w.operationId;
        return checkGrant(actor, caseworkerGrant(agencyId, operationId)) === null ? 201 : 403;
      },
      request: async (w, _actor, position) => ({
        path: '/api/v1/users',
        body: {
          email: `made-${w.unique()}@example.org`,
          displayName: 'Made by matrix',
          role: 'caseworker',
          scope: 'own',
          agencyId: agencyOf(w, asOrg(position)),
          operationIds: [operationOf(w, asOrg(position))],
        },
      }),
    },
    'PATCH /api/v1/users/{id}': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position))}`, body: { displayName: `Renamed ${w.unique()}` } }),
    },
    'POST /api/v1/users/{id}/disable': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true })}/disable`, body: {} }),
    },
    'POST /api/v1/users/{id}/mfa-reset': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({
        path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true })}/mfa-reset`,
        body: { reason: 'Phone lost in the flood; identity checked in person.' },
      }),
    },
    'POST /api/v1/users/{id}/enable': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true, disabled: true })}/enable`, body: {} }),
    },
  };
}

function retentionRule(success: number) {
  return (actor: Actor, position: OrgPosition): number => (!has(actor, 'retention.manage') ? 403 : position === 'other_operation' ? 404 : success);
}

export function isOrgEntry(entry: MatrixEntry): entry is OrgEntry {
  return entry.kind === 'org';
}
