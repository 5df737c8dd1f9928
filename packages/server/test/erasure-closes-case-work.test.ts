import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const RISK = { level: 'low', reasons: [] as string[] };
const ASSESSED = {
  assessedOn: '2026-05-01',
  solutions: {
    voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: { level: 'high', reasons: ['return_area_controlled_by_traffickers'] } },
    local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: RISK },
    resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: RISK },
  },
};

/**
 * Issue 20 §2: after erasure the case plan, tasks and resettlement could still be written
 * and the case stayed in the resettlement queue. Erasure now closes the person's own cases,
 * and nothing new is written about the person or on those cases, by any write route.
 */
describe.each(databaseTargets())('erasure closes the case work on $name PostgreSQL', (target) => {
  let app: TestApp;
  let officer: Client;
  let admin: Client;
  let personId: string;
  let caseId: string;
  let taskId: string;
  let caseVersion: number;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-01T09:00:00Z') });
    officer = await app.as('protection_officer');
    admin = await app.as('administrator');
    const created = await officer.request('POST', '/api/v1/persons', { givenName: 'Zaynab', familyName: 'Queue', sex: 'female', birthYear: 1990, arrivalDate: '2020-03-01' });
    personId = (created.body as { id: string }).id;
    await giveConsent(officer, personId);
    const opened = await officer.request('POST', '/api/v1/cases', { personId, tasks: [{ kind: 'referral', title: 'Refer Zaynab to the safe house' }] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = (opened.body as { id: string }).id;
    taskId = (opened.body as { tasks: Array<{ id: string }> }).tasks[0]!.id;
    expect((await officer.request('PUT', `/api/v1/cases/${caseId}/durable-solutions`, ASSESSED)).status).toBe(200);
    expect((await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority: 'urgent' })).status).toBe(200);
  });
  afterAll(() => app.close());

  const queued = async () => ((await officer.request('GET', '/api/v1/resettlement-queue')).body as { total: number }).total;
  const myTasks = async () => ((await officer.request('GET', '/api/v1/my-work')).body as { items: Array<{ id: string }> }).items.map((task) => task.id);

  it('takes the case out of the queue and the lists, closed by the erasure', async () => {
    expect(await queued()).toBe(1);
    expect(await myTasks()).toContain(taskId);
    const erased = await admin.request('POST', `/api/v1/persons/${personId}/erasure`, { reason: 'Zaynab asked in writing on 2026-05-30', mode: 'anonymise' });
    expect(erased.status).toBe(200);
    expect(await queued()).toBe(0);
    expect(await myTasks()).not.toContain(taskId);
    const detail = await admin.request('GET', `/api/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'closed', plan: { goals: [], strengths: [], skills: [], wishes: [] } });
    caseVersion = (detail.body as { version: number }).version;
  });

  it('refuses every write about the erased person or on their case, writing nothing', async () => {
    const before = await app.database.pool.query<{ audit: string; tasks: string; steps: string }>(
      `select (select count(*) from audit_events where outcome = 'allowed') as audit, (select count(*) from case_tasks) as tasks, (select count(*) from solution_steps) as steps`,
    );
    const attempts: Array<[string, string, unknown]> = [
      ['PUT', `/api/v1/cases/${caseId}/plan`, { goals: ['Find Zaynab a safe house'], strengths: [], skills: [], wishes: [], version: caseVersion }],
      ['POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'referral', title: 'Refer Zaynab again' }],
      ['PATCH', `/api/v1/case-tasks/${taskId}`, { status: 'open', version: 2 }],
      ['POST', `/api/v1/cases/${caseId}/transitions`, { event: 'reopen', reason: 'Zaynab came back', version: caseVersion }],
      ['PUT', `/api/v1/cases/${caseId}/durable-solutions`, { ...ASSESSED, version: 1 }],
      ['PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority: 'urgent' }],
      ['POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'resettlement' }],
      ['POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'] }],
      ['PUT', `/api/v1/cases/${caseId}/assignment`, { assignedUserId: officer.userId, version: caseVersion }],
      ['PUT', `/api/v1/persons/${personId}/assignment`, { assignedUserId: officer.userId, version: 2 }],
      ['POST', `/api/v1/persons/${personId}/consents`, { purpose: 'referral', decision: 'given', method: 'written', givenBy: 'self' }],
      ['POST', `/api/v1/persons/${personId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f-1' }, startDate: '2026-05-01' }],
      ['POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'health', body: 'Zaynab again' }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await admin.request(method, path, body);
      // A task on the closed case is refused as on any closed case; everything else names the erasure.
      const code = path.includes('/case-tasks/') ? 'illegal_transition' : 'person_anonymised';
      expect({ path, method, status: answer.status, code: (answer.body as { code: string }).code }).toEqual({ path, method, status: 409, code });
    }
    const after = await app.database.pool.query<{ audit: string; tasks: string; steps: string }>(
      `select (select count(*) from audit_events where outcome = 'allowed') as audit, (select count(*) from case_tasks) as tasks, (select count(*) from solution_steps) as steps`,
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(await queued()).toBe(0);
  });
  it('refuses an erased person as a carer, and erasing a child forgets who cared for them (found in review)', async () => {
    const child = async (givenName: string) =>
      ((await officer.request('POST', '/api/v1/persons', { givenName, familyName: 'Care', sex: 'male', birthYear: 2016, arrivalDate: '2020-03-01' })).body as { id: string }).id;
    const first = await child('Omar');
    const before = await app.database.pool.query<{ n: string }>('select count(*) as n from care_arrangements');
    const refused = await officer.request('POST', `/api/v1/persons/${first}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId }, startDate: '2026-05-01' });
    expect({ status: refused.status, code: (refused.body as { code: string }).code }).toEqual({ status: 409, code: 'person_anonymised' });
    expect((await app.database.pool.query<{ n: string }>('select count(*) as n from care_arrangements')).rows[0]).toEqual(before.rows[0]);

    const aunt = ((await officer.request('POST', '/api/v1/persons', { givenName: 'Huda', familyName: 'Care', sex: 'female', birthYear: 1985, arrivalDate: '2020-03-01' })).body as { id: string }).id;
    const second = await child('Sami');
    const recorded = await officer.request('POST', `/api/v1/persons/${second}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId: aunt }, startDate: '2026-05-01' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect((await admin.request('POST', `/api/v1/persons/${second}/erasure`, { reason: 'asked in writing', mode: 'anonymise' })).status).toBe(200);
    const left = await app.database.pool.query<{ carer_person_id: string | null }>('select carer_person_id from care_arrangements where person_id = $1', [second]);
    expect(left.rows).toEqual([{ carer_person_id: null }]);
  });
});
