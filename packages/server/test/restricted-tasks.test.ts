import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Task {
  id: string;
  title: string;
  createdFrom: string | null;
  topic: string | null;
  restricted: boolean;
}
interface CaseBody {
  id: string;
  tasks: Task[];
  plan: { actions: Task[] };
}

/**
 * A task copied from a screening's recommended action says what a highly sensitive section
 * answered: its title reaches only readers cleared for the topic or assigned to the case.
 */
describe.each(databaseTargets())('tasks carry their topic on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let colleague: Client;
  let supervisor: Client;
  let opened: CaseBody;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-01T09:00:00Z') });
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Rima', familyName: 'Topic', sex: 'female', birthYear: 1995 });
    const personId = (created.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { sg_sexual_violence: 'yes_last_72_hours', mms_used_smuggler: 'yes' },
    });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    const response = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: (screened.body as { id: string }).id });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    opened = response.body as CaseBody;
    const manual = await caseworker.request('POST', `/api/v1/cases/${opened.id}/tasks`, { kind: 'follow_up', title: 'Call back on Thursday' });
    expect(manual.status).toBe(201);
  });
  afterAll(() => app.close());

  const read = async (by: Client) => {
    const response = await by.request('GET', `/api/v1/cases/${opened.id}`);
    expect(response.status).toBe(200);
    return response.body as CaseBody;
  };

  it('marks the actions of an SGBV section with its topic, and shows them to the assigned worker', async () => {
    const fromSgbv = opened.tasks.filter((t) => t.createdFrom === 'gbv_case_management' || t.createdFrom === 'urgent_medical_care');
    expect(fromSgbv.length).toBeGreaterThan(0);
    expect(fromSgbv.every((t) => t.topic === 'sgbv' && !t.restricted && t.title !== '')).toBe(true);
    // The same in the database: the topic is stored with the task, not worked out on reading.
    // The action it came from is sealed with the title (migration 0025), so `created_from` is null.
    const { rows } = await app.database.pool.query<{ topic: string | null; created_from: string | null }>(`select topic, created_from from case_tasks where case_id = $1 and topic is not null`, [opened.id]);
    expect(rows.length).toBe(opened.tasks.filter((t) => t.topic === 'sgbv').length);
    expect(rows.every((r) => r.topic === 'sgbv' && r.created_from === null)).toBe(true);
  });

  it('withholds those titles from a colleague without clearance, on the case, in the plan and in their export; a supervisor reads them', async () => {
    const seen = await read(colleague);
    const restricted = seen.tasks.filter((t) => t.restricted);
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.every((t) => t.title === '' && t.createdFrom === null && t.topic === 'sgbv')).toBe(true);
    expect(seen.plan.actions.filter((t) => t.topic === 'sgbv').every((t) => t.restricted && t.title === '')).toBe(true);
    const text = JSON.stringify(seen);
    expect(text).not.toContain('GBV');
    expect(text).not.toContain('gbv_case_management');
    // An ordinary task is not affected.
    expect(seen.tasks.find((t) => t.title === 'Call back on Thursday')).toMatchObject({ topic: null, restricted: false });

    const cleared = await read(supervisor);
    expect(cleared.tasks.filter((t) => t.topic === 'sgbv').every((t) => !t.restricted && t.title !== '')).toBe(true);
  });

  it("withholds them from a colleague's My work too when the task is theirs but the case is not", async () => {
    const task = opened.tasks.find((t) => t.topic === 'sgbv')!;
    const full = await caseworker.request('GET', `/api/v1/cases/${opened.id}`);
    const version = (full.body as { tasks: Array<{ id: string; version: number }> }).tasks.find((t) => t.id === task.id)!.version;
    const handed = await caseworker.request('PATCH', `/api/v1/case-tasks/${task.id}`, { ownerUserId: colleague.userId, version });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const work = await colleague.request('GET', '/api/v1/my-work');
    expect(work.status).toBe(200);
    const item = (work.body as { items: Task[] }).items.find((t) => t.id === task.id);
    expect(item).toMatchObject({ restricted: true, title: '', topic: 'sgbv' });
  });
});
