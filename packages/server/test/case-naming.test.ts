import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface CaseBody {
  id: string;
  version: number;
  caseNumber: string;
  subjectName: string | null;
  assignedUserId: string | null;
  assignedUserName: string | null;
}
interface MyWorkBody {
  items: { caseId: string; caseNumber: string; caseSubjectName: string | null }[];
}
interface AuditPage {
  items: { action: string; actorId: string | null; resourceId: string | null; details: Record<string, unknown> }[];
  userNames: Record<string, string>;
}

/**
 * Issue 13 §2: a case says whose it is (the person's name, its number, the worker holding it
 * by name), My work names each case, and the audit trail names staff instead of showing ids;
 * the person's name only for a reader whose scope reaches the person.
 */
describe.each(databaseTargets())('naming cases on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let caseworker: Client;
  const rename = (userId: string | undefined, name: string) => sql`update users set display_name = ${name} where id = ${userId!}::uuid`.execute(app.database.db);

  const openCase = async (givenName: string): Promise<{ personId: string; opened: CaseBody }> => {
    const person = await caseworker.request('POST', '/api/v1/persons', { givenName, familyName: 'Named', sex: 'female', birthYear: 1988 });
    expect(person.status).toBe(201);
    const personId = (person.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    const opened = await caseworker.request('POST', '/api/v1/cases', { personId, tasks: [{ kind: 'follow_up', title: 'Visit at home', dueDate: '2099-03-03' }] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return { personId, opened: opened.body as CaseBody };
  };

  beforeAll(async () => {
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
    caseworker = await app.as('caseworker');
    await rename(supervisor.userId, 'Rana Supervisor');
    await rename(caseworker.userId, 'Omar Caseworker');
  });
  afterAll(() => app.close());

  it('names the person, the number and the assignee on the case, in every answer that returns the case', async () => {
    const { opened } = await openCase('Amal');
    expect(opened).toMatchObject({ subjectName: 'Amal Named', assignedUserId: caseworker.userId, assignedUserName: 'Omar Caseworker' });
    expect(opened.caseNumber).toMatch(/-C-\d{4}-\d{6,}$/);
    const colleague = await app.as('caseworker');
    await rename(colleague.userId, 'Lina Colleague');
    const assigned = await supervisor.request('PUT', `/api/v1/cases/${opened.id}/assignment`, { assignedUserId: colleague.userId, version: opened.version });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ subjectName: 'Amal Named', assignedUserName: 'Lina Colleague' });
    const read = await colleague.request('GET', `/api/v1/cases/${opened.id}`);
    expect(read.body).toMatchObject({ caseNumber: opened.caseNumber, subjectName: 'Amal Named', assignedUserName: 'Lina Colleague' });
    // The timeline's assignment is told by name: who did it, from whom, to whom.
    expect((read.body as { staffNames: Record<string, string> }).staffNames).toMatchObject({
      [supervisor.userId!]: 'Rana Supervisor',
      [caseworker.userId!]: 'Omar Caseworker',
      [colleague.userId!]: 'Lina Colleague',
    });
    // The case lands in the new worker's My work named, not by its stage.
    const work = (await colleague.request('GET', '/api/v1/my-work')).body as MyWorkBody;
    expect(work.items.find((item) => item.caseId === opened.id)).toBeUndefined(); // the task stays with its owner
    const mine = (await caseworker.request('GET', '/api/v1/my-work')).body as MyWorkBody;
    expect(mine.items.find((item) => item.caseId === opened.id)).toMatchObject({ caseNumber: opened.caseNumber, caseSubjectName: 'Amal Named' });
  });

  it('offers and accepts only workers who can read cases: an auditor is not in the workload list and cannot be handed a case', async () => {
    const { opened } = await openCase('Held');
    const auditor = await app.as('auditor', undefined, { scope: 'agency' });
    const load = (await supervisor.request('GET', '/api/v1/workload')).body as { items: { userId: string }[] };
    expect(load.items.map((item) => item.userId)).toContain(caseworker.userId);
    expect(load.items.map((item) => item.userId)).not.toContain(auditor.userId);
    const refused = await supervisor.request('PUT', `/api/v1/cases/${opened.id}/assignment`, { assignedUserId: auditor.userId, version: opened.version });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/assignedUserId', code: 'not_eligible' }] });
    const still = (await supervisor.request('GET', `/api/v1/cases/${opened.id}`)).body as CaseBody;
    expect(still).toMatchObject({ assignedUserId: caseworker.userId, version: opened.version });
  });

  it('withholds the name from a reader whose scope reaches the case but not the person, and after anonymisation', async () => {
    const team = await app.createTeam(app.agencyId);
    const teamWorker = await app.as('caseworker', undefined, { scope: 'team', teamIds: [team] });
    const { personId, opened } = await openCase('Hidden');
    // The case moves to the team; the person stays with the worker who registered her.
    await sql`update cases set team_id = ${team}::uuid where id = ${opened.id}::uuid`.execute(app.database.db);
    const seen = await teamWorker.request('GET', `/api/v1/cases/${opened.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ caseNumber: opened.caseNumber, subjectName: null });
    expect(JSON.stringify(seen.body)).not.toContain('Hidden');
    expect((await teamWorker.request('GET', `/api/v1/persons/${personId}`)).status).toBe(404);

    const admin = await app.as('administrator');
    const erased = await admin.request('POST', `/api/v1/persons/${personId}/erasure`, { reason: 'She asked in writing on 2026-05-30', mode: 'anonymise' });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const after = await supervisor.request('GET', `/api/v1/cases/${opened.id}`);
    expect(after.status).toBe(200);
    expect((after.body as CaseBody).subjectName).toBeNull();
    const work = (await caseworker.request('GET', '/api/v1/my-work')).body as MyWorkBody;
    for (const item of work.items.filter((i) => i.caseId === opened.id)) expect(item.caseSubjectName).toBeNull();
  });

  it('gives the audit trail the names of the staff its entries name: the actor and an assignment’s from and to', async () => {
    const { opened } = await openCase('Audited');
    const colleague = await app.as('caseworker');
    await rename(colleague.userId, 'Sara Colleague');
    expect((await supervisor.request('PUT', `/api/v1/cases/${opened.id}/assignment`, { assignedUserId: colleague.userId, version: opened.version })).status).toBe(200);
    const auditor = await app.as('auditor');
    const page = await auditor.request('GET', `/api/v1/audit-events?resourceId=${opened.id}&action=case.assign`);
    expect(page.status).toBe(200);
    const body = page.body as AuditPage;
    expect(body.items).toHaveLength(1);
    expect(body.items[0]!.details).toMatchObject({ from: caseworker.userId, to: colleague.userId });
    expect(body.userNames).toMatchObject({ [supervisor.userId!]: 'Rana Supervisor', [caseworker.userId!]: 'Omar Caseworker', [colleague.userId!]: 'Sara Colleague' });
    // Only staff are named: the case's own id names nobody.
    expect(body.userNames[opened.id]).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('Audited');
  });
});
