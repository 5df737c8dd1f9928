import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const MISSING = '0190a4e0-0000-7000-8000-000000000000';

interface Task {
  id: string;
  kind: string;
  title: string;
  dueDate: string | null;
  status: string;
  overdue: boolean;
  createdFrom: string | null;
  ownerUserId: string | null;
  version: number;
}
interface CaseBody {
  id: string;
  personId: string | null;
  householdId: string | null;
  status: string;
  priority: string;
  version: number;
  assignedUserId: string | null;
  closureRequest: { requestedBy: string; reason: string } | null;
  availableEvents: string[];
  plan: { goals: string[]; strengths: string[]; skills: string[]; wishes: string[]; actions: Task[] };
  tasks: Task[];
  timeline: { kind: string; taskId: string | null; details: Record<string, unknown> }[];
}

describe.each(databaseTargets())('protection cases on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-06-01T09:00:00Z');
  let supervisor: Client;
  let caseworker: Client;
  let colleague: Client;
  let otherAgencyWorker: Client;
  let outsiderSupervisor: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    supervisor = await app.as('supervisor');
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    const agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    otherAgencyWorker = await app.as('caseworker', undefined, { agencyId: agencyB });
    outsiderSupervisor = await app.as('supervisor', undefined, { agencyId: agencyB });
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const rows = async () => ({
    cases: await count('select count(*) as n from cases'),
    tasks: await count('select count(*) as n from case_tasks'),
    audit: await count(`select count(*) as n from audit_events where resource_type = 'case'`),
  });

  /** A consenting adult registered (and so held) by the caseworker. */
  const person = async (by: Client = caseworker, name = 'Amina') => {
    const created = await by.request('POST', '/api/v1/persons', { givenName: name, familyName: 'Case', sex: 'female', birthYear: 1994 });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await giveConsent(by, id);
    return id;
  };
  const openFor = async (personId: string, by: Client = caseworker, extra: Record<string, unknown> = {}) => {
    const response = await by.request('POST', '/api/v1/cases', { personId, ...extra });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as CaseBody;
  };
  const step = (by: Client, c: { id: string; version: number }, event: string, reason?: string) =>
    by.request('POST', `/api/v1/cases/${c.id}/transitions`, { event, version: c.version, ...(reason === undefined ? {} : { reason }) });

  it('opens a case from a critical screening with its recommended actions as dated tasks, audited', async () => {
    const personId = await person();
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { mms_used_smuggler: 'yes', mms_owes_journey_debt: 'yes', mms_onward_plans: 'yes_within_weeks' },
    });
    expect(screened.status).toBe(201);
    const screening = screened.body as { id: string; riskLevel: string; recommendedActions: { id: string }[] };
    expect(screening.riskLevel).toBe('critical');
    const response = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: screening.id });
    expect(response.status).toBe(201);
    const opened = response.body as CaseBody;
    expect(opened).toMatchObject({ personId, status: 'identified', priority: 'critical', closureRequest: null, version: 1 });
    // Every proposal but "consider opening a case", which the opening itself answers.
    expect(screening.recommendedActions.some((a) => a.id === 'consider_case_debt_and_job_offer')).toBe(true);
    expect(opened.tasks.map((t) => t.createdFrom).sort()).toEqual(screening.recommendedActions.map((a) => a.id).filter((id) => id !== 'consider_case_debt_and_job_offer').sort());
    expect(opened.tasks.every((t) => t.kind === 'action' && t.dueDate !== null && t.dueDate >= '2026-06-01' && t.ownerUserId === caseworker.userId)).toBe(true);
    expect(opened.plan.actions).toHaveLength(opened.tasks.length);
    expect(opened.timeline[0]).toMatchObject({ kind: 'case.create' });

    const read = await caseworker.request('GET', `/api/v1/cases/${opened.id}`);
    expect(read.status).toBe(200);
    expect(await count(`select count(*) as n from audit_events where action = 'case.view' and resource_id = '${opened.id}'`)).toBe(1);
    // Reads are audited, but they are not the case's story.
    expect((read.body as CaseBody).timeline.some((entry) => entry.kind === 'case.view')).toBe(false);
  });

  it('opens a case from a screening with only the proposed actions the worker chose; an action not proposed is refused, nothing written', async () => {
    const personId = await person();
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { mms_used_smuggler: 'yes', mms_owes_journey_debt: 'yes', mms_onward_plans: 'yes_within_weeks' },
    });
    const screening = screened.body as { id: string; recommendedActions: { id: string }[] };
    const [first, second] = screening.recommendedActions.map((a) => a.id).filter((id) => id !== 'consider_case_debt_and_job_offer');
    const before = await rows();
    const refused = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: screening.id, actionIds: [first, 'made_up_action', 'consider_case_debt_and_job_offer'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'validation_failed',
      errors: [
        { path: '/actionIds/1', code: 'unknown_action' },
        { path: '/actionIds/2', code: 'unknown_action' },
      ],
    });
    const byHand = await caseworker.request('POST', '/api/v1/cases', { personId, actionIds: [first] });
    expect(byHand.status).toBe(400);
    expect(byHand.body).toMatchObject({ errors: [expect.objectContaining({ path: '/actionIds' })] });
    expect(await rows()).toEqual(before);
    const response = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: screening.id, actionIds: [first, second] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect((response.body as CaseBody).tasks.map((t) => t.createdFrom).sort()).toEqual([first, second].sort());
  });

  it('refuses to open from a screening below high, and from an unknown screening; nothing written', async () => {
    const personId = await person();
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: { mms_used_smuggler: 'no' } });
    expect(screened.status).toBe(201);
    const before = await rows();
    const low = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: (screened.body as { id: string }).id });
    expect(low.status).toBe(400);
    expect(low.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/fromScreeningId', code: 'risk_below_high' }] });
    expect((await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: MISSING })).status).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it('opens by hand for a person or a household; one subject exactly; unknown or out-of-scope subjects are 404 and nothing is written', async () => {
    const personId = await person();
    expect((await openFor(personId)).personId).toBe(personId);
    const household = await caseworker.request('POST', '/api/v1/households', {
      members: [{ givenName: 'Head', familyName: 'Household', sex: 'male', birthYear: 1980, relationshipToHead: 'head' }],
    });
    const householdId = (household.body as { id: string }).id;
    const forHousehold = await caseworker.request('POST', '/api/v1/cases', { householdId, priority: 'high' });
    expect(forHousehold.status).toBe(201);
    expect(forHousehold.body).toMatchObject({ householdId, personId: null, priority: 'high' });

    const before = await rows();
    const both = await caseworker.request('POST', '/api/v1/cases', { personId, householdId });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/personId' }] });
    expect((await caseworker.request('POST', '/api/v1/cases', { personId: MISSING })).status).toBe(404);
    expect((await caseworker.request('POST', '/api/v1/cases', { householdId: MISSING })).status).toBe(404);
    // Held by agency A: another agency's caseworker cannot tell the person exists.
    const outside = await otherAgencyWorker.request('POST', '/api/v1/cases', { personId });
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain('Amina');
    // An analyst holds no case verb at all.
    expect((await (await app.as('analyst')).request('POST', '/api/v1/cases', { personId })).status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('needs case-management consent to open a case for a person; the refusal is audited, nothing else written', async () => {
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: 'No', familyName: 'Consent', sex: 'male', birthYear: 1990 });
    const personId = (created.body as { id: string }).id;
    const before = await rows();
    const refused = await caseworker.request('POST', '/api/v1/cases', { personId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'consent_required' });
    expect(await rows()).toEqual(before);
    expect(await count(`select count(*) as n from audit_events where action = 'case.create' and outcome = 'refused'`)).toBe(1);
  });

  it('walks the lifecycle; closing needs a reason and someone else’s approval; reopening needs a reason', async () => {
    let current = await openFor(await person());
    expect(current.availableEvents).toEqual(['start_assessment', 'request_closure']);
    const move = async (by: Client, event: string, reason?: string) => {
      const response = await step(by, current, event, reason);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      current = response.body as CaseBody;
    };
    const refused = async (by: Client, event: string, status: number, code: string, reason?: string) => {
      const before = await rows();
      const response = await step(by, current, event, reason);
      expect(response.status, `${event}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body).toMatchObject({ code });
      expect(await rows()).toEqual(before);
      return response;
    };
    await refused(caseworker, 'start_implementation', 409, 'illegal_transition');
    await move(caseworker, 'start_assessment');
    await move(caseworker, 'agree_plan');
    await move(caseworker, 'start_implementation');
    await move(caseworker, 'start_follow_up');
    expect(current.status).toBe('follow_up');

    const noReason = await refused(caseworker, 'request_closure', 400, 'validation_failed', '  ');
    expect(noReason.body).toMatchObject({ errors: [{ path: '/reason', code: 'reason_required' }] });
    await refused(supervisor, 'approve_closure', 409, 'closure_not_requested');
    await move(caseworker, 'request_closure', 'Goals met; she agrees the case can close.');
    expect(current.closureRequest).toMatchObject({ requestedBy: caseworker.userId });
    expect(current.status).toBe('follow_up');
    // A caseworker cannot approve a closure; nobody approves their own.
    await refused(colleague, 'approve_closure', 403, 'approval_required');
    await move(supervisor, 'withdraw_closure_request');
    await move(supervisor, 'request_closure', 'Asked by the supervisor at review.');
    await refused(supervisor, 'approve_closure', 403, 'self_approval');
    await move(supervisor, 'withdraw_closure_request');
    await move(caseworker, 'request_closure', 'Goals met; she agrees the case can close.');
    await refused(caseworker, 'start_assessment', 409, 'illegal_transition');

    // A stale version changes nothing.
    const stale = await supervisor.request('POST', `/api/v1/cases/${current.id}/transitions`, { event: 'approve_closure', version: current.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict' });

    await move(supervisor, 'approve_closure');
    expect(current).toMatchObject({ status: 'closed', closedBy: supervisor.userId, availableEvents: ['reopen'] });
    await refused(caseworker, 'reopen', 400, 'validation_failed');
    await move(caseworker, 'reopen', 'A new incident was reported.');
    expect(current).toMatchObject({ status: 'assessment', closureRequest: null, closedAt: null });

    // The reason is audited with the step, never in its details: its words beside the chain
    // (audit_reasons, migration 0030), where erasure can reach them.
    const reasons = await app.database.pool.query<{ reason: string | null; details: Record<string, unknown> }>(
      `select r.reason, e.details from audit_events e left join audit_reasons r on r.chain = e.chain and r.seq = e.seq
        where e.action = 'case.transition' and e.resource_id = $1 order by e.id`,
      [current.id],
    );
    expect(reasons.rows.map((r) => r.details.event)).toContain('approve_closure');
    expect(reasons.rows.some((r) => r.reason === 'A new incident was reported.')).toBe(true);
    expect(JSON.stringify(reasons.rows.map((r) => r.details))).not.toContain('incident');
    const timeline = ((await caseworker.request('GET', `/api/v1/cases/${current.id}`)).body as CaseBody).timeline;
    expect(timeline.filter((e) => e.kind === 'case.transition').map((e) => e.details.event)).toEqual([
      'start_assessment', 'agree_plan', 'start_implementation', 'start_follow_up',
      'request_closure', 'withdraw_closure_request', 'request_closure', 'withdraw_closure_request', 'request_closure', 'approve_closure', 'reopen',
    ]);
  });

  it('keeps the person’s own goals, strengths, skills and wishes first in the plan, at the version read', async () => {
    const opened = await openFor(await person());
    const plan = { goals: ['Finish nursing training'], strengths: ['Speaks three languages'], skills: ['Tailoring'], wishes: ['Stay near her sister'] };
    const saved = await caseworker.request('PUT', `/api/v1/cases/${opened.id}/plan`, { ...plan, version: opened.version });
    expect(saved.status).toBe(200);
    expect((saved.body as CaseBody).plan).toMatchObject(plan);
    const before = await rows();
    const stale = await caseworker.request('PUT', `/api/v1/cases/${opened.id}/plan`, { ...plan, goals: [], version: opened.version });
    expect(stale.status).toBe(409);
    const bad = await caseworker.request('PUT', `/api/v1/cases/${opened.id}/plan`, { ...plan, goals: [''], version: (saved.body as CaseBody).version });
    expect(bad.status).toBe(400);
    expect(await rows()).toEqual(before);
    // The audit row counts lines; the words stay in the plan.
    expect(await count(`select count(*) as n from audit_events where details::text like '%nursing%'`)).toBe(0);
  });

  it('adds tasks and referrals with owners and due dates; refuses dates before opening, foreign owners and stale versions', async () => {
    const opened = await openFor(await person());
    const before = await rows();
    const early = await caseworker.request('POST', `/api/v1/cases/${opened.id}/tasks`, { kind: 'follow_up', title: 'Home visit', dueDate: '2026-05-31' });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ errors: [{ path: '/dueDate', code: 'due_before_opened' }] });
    const foreign = await caseworker.request('POST', `/api/v1/cases/${opened.id}/tasks`, { kind: 'referral', title: 'Legal aid', ownerUserId: otherAgencyWorker.userId });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ errors: [{ path: '/ownerUserId', code: 'not_eligible' }] });
    expect((await otherAgencyWorker.request('POST', `/api/v1/cases/${opened.id}/tasks`, { kind: 'task', title: 'x' })).status).toBe(404);
    expect(await rows()).toEqual(before);

    const referral = await caseworker.request('POST', `/api/v1/cases/${opened.id}/tasks`, { kind: 'referral', title: 'Legal aid clinic', dueDate: '2026-06-10', ownerUserId: colleague.userId });
    expect(referral.status).toBe(201);
    const task = referral.body as Task;
    expect(task).toMatchObject({ kind: 'referral', ownerUserId: colleague.userId, status: 'open', overdue: false, version: 1 });
    expect(((await caseworker.request('GET', `/api/v1/cases/${opened.id}`)).body as CaseBody).plan.actions.map((a) => a.id)).toEqual([task.id]);

    const tooEarly = await colleague.request('PATCH', `/api/v1/case-tasks/${task.id}`, { dueDate: '2026-01-01', version: 1 });
    expect(tooEarly.status).toBe(400);
    const done = await colleague.request('PATCH', `/api/v1/case-tasks/${task.id}`, { status: 'done', version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    expect((done.body as { doneAt: string | null }).doneAt).not.toBeNull();
    const stale = await colleague.request('PATCH', `/api/v1/case-tasks/${task.id}`, { status: 'open', version: 1 });
    expect(stale.status).toBe(409);
    expect((await otherAgencyWorker.request('PATCH', `/api/v1/case-tasks/${task.id}`, { status: 'open', version: 2 })).status).toBe(404);
    expect((await colleague.request('PATCH', `/api/v1/case-tasks/${MISSING}`, { status: 'open', version: 2 })).status).toBe(404);
  });

  it('lists my work overdue first, then by due date, then case priority; finished tasks and closed cases leave it', async () => {
    const worker = await app.as('caseworker', undefined, { scope: 'own' });
    const low = await openFor(await person(worker), worker, { priority: 'low' });
    const critical = await openFor(await person(worker), worker, { priority: 'critical' });
    const add = async (c: CaseBody, title: string, dueDate: string | null) => {
      const response = await worker.request('POST', `/api/v1/cases/${c.id}/tasks`, { kind: 'task', title, dueDate });
      expect(response.status).toBe(201);
      return response.body as Task;
    };
    await add(low, 'undated', null);
    await add(low, 'later-low', '2026-06-20');
    await add(critical, 'later-critical', '2026-06-20');
    await add(low, 'overdue', '2026-06-03');
    const finished = await add(critical, 'finished', '2026-06-02');
    clock = new Date('2026-06-15T09:00:00Z');
    try {
      expect((await worker.request('PATCH', `/api/v1/case-tasks/${finished.id}`, { status: 'done', version: 1 })).status).toBe(200);
      const work = await worker.request('GET', '/api/v1/my-work');
      expect(work.status).toBe(200);
      const body = work.body as { items: (Task & { casePriority: string })[]; overdue: number };
      expect(body.items.map((i) => i.title)).toEqual(['overdue', 'later-critical', 'later-low', 'undated']);
      expect(body.items[0]).toMatchObject({ overdue: true, casePriority: 'low' });
      expect(body.overdue).toBe(1);
      // Others see only their own.
      expect(((await colleague.request('GET', '/api/v1/my-work')).body as { items: Task[] }).items.map((i) => i.title)).not.toContain('overdue');
      // A closed case's tasks leave My work.
      const requested = await step(worker, { id: critical.id, version: critical.version }, 'request_closure', 'Resettled; nothing left to do here.');
      expect(requested.status).toBe(200);
      expect((await step(supervisor, requested.body as CaseBody, 'approve_closure')).status).toBe(200);
      const after = (await worker.request('GET', '/api/v1/my-work')).body as { items: Task[] };
      expect(after.items.map((i) => i.title)).toEqual(['overdue', 'later-low', 'undated']);
      // And a closed case takes no new work until it is reopened.
      const late = await worker.request('POST', `/api/v1/cases/${critical.id}/tasks`, { kind: 'task', title: 'late' });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'illegal_transition' });
    } finally {
      clock = new Date('2026-06-01T09:00:00Z');
    }
  });

  it('assigns within the holding agency only (supervisors), and shows each worker’s workload', async () => {
    const opened = await openFor(await person());
    const path = `/api/v1/cases/${opened.id}/assignment`;
    expect((await caseworker.request('PUT', path, { assignedUserId: colleague.userId, version: opened.version })).status).toBe(403);
    const before = await rows();
    const across = await supervisor.request('PUT', path, { assignedUserId: otherAgencyWorker.userId, version: opened.version });
    expect(across.status).toBe(400);
    expect(across.body).toMatchObject({ errors: [{ path: '/assignedUserId', code: 'not_eligible' }] });
    expect((await outsiderSupervisor.request('PUT', path, { assignedUserId: otherAgencyWorker.userId, version: opened.version })).status).toBe(404);
    expect(await rows()).toEqual(before);
    const assigned = await supervisor.request('PUT', path, { assignedUserId: colleague.userId, version: opened.version });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assignedUserId: colleague.userId, version: opened.version + 1 });
    expect((await supervisor.request('PUT', path, { assignedUserId: caseworker.userId, version: opened.version })).status).toBe(409);

    const load = await supervisor.request('GET', '/api/v1/workload');
    expect(load.status).toBe(200);
    const items = (load.body as { items: { userId: string; openCases: number; openTasks: number }[] }).items;
    expect(items.find((i) => i.userId === colleague.userId)?.openCases).toBeGreaterThanOrEqual(1);
    expect(items.some((i) => i.userId === otherAgencyWorker.userId)).toBe(false);
    expect((await caseworker.request('GET', '/api/v1/workload')).status).toBe(403);
  });

  it('lets protection and child-protection officers assign the cases in their scope (case.assign), as they assign persons; not caseworkers', async () => {
    const protectionOfficer = await app.as('protection_officer');
    const childOfficer = await app.as('child_protection_officer');
    const ownScopeOfficer = await app.as('protection_officer', undefined, { scope: 'own' });
    const opened = await openFor(await person());
    const path = `/api/v1/cases/${opened.id}/assignment`;
    // Own scope reaches only what is assigned to them: the case is not found, nothing written.
    expect((await ownScopeOfficer.request('PUT', path, { assignedUserId: colleague.userId, version: opened.version })).status).toBe(404);
    const byOfficer = await protectionOfficer.request('PUT', path, { assignedUserId: colleague.userId, version: opened.version });
    expect(byOfficer.status, JSON.stringify(byOfficer.body)).toBe(200);
    expect(byOfficer.body).toMatchObject({ assignedUserId: colleague.userId, version: opened.version + 1 });
    const byChildOfficer = await childOfficer.request('PUT', path, { assignedUserId: caseworker.userId, version: opened.version + 1 });
    expect(byChildOfficer.status).toBe(200);
    expect(await count(`select count(*) as n from audit_events where action = 'case.assign' and resource_id = '${opened.id}'`)).toBe(2);
    expect((await colleague.request('PUT', path, { assignedUserId: colleague.userId, version: opened.version + 2 })).status).toBe(403);
  });
});
