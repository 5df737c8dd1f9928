import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const MISSING = '0190a4e0-0000-7000-8000-000000000000';

interface Assessment {
  id: string;
  caseId: string;
  personId: string;
  outcome: string;
  restricted: boolean;
  findings: null | {
    age: { childRuleApplies: boolean };
    elements: { act: { present: boolean }; means: { present: boolean; required: boolean }; purpose: { present: boolean } };
    reasons: { key: string; text: { en: string; ar: string } }[];
  };
}
interface Task {
  id: string;
  kind: string;
  dueDate: string | null;
  createdFrom: string | null;
  ownerUserId: string | null;
}

describe.each(databaseTargets())('trafficking assessments on $name PostgreSQL', (target) => {
  let app: TestApp;
  const clock = new Date('2026-06-01T09:00:00Z');
  let caseworker: Client;
  let officer: Client;
  let otherAgencyWorker: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    caseworker = await app.as('caseworker');
    // Same agency (agency scope): reaches the case, but is neither cleared for trafficking nor assigned.
    officer = await app.as('child_protection_officer');
    const agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    otherAgencyWorker = await app.as('partner_caseworker', undefined, { agencyId: agencyB });
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const rows = async () => ({
    assessments: await count('select count(*) as n from trafficking_assessments'),
    tasks: await count('select count(*) as n from case_tasks'),
    audit: await count(`select count(*) as n from audit_events where action like 'trafficking.%'`),
  });

  /** A consenting person registered (and held) by `by`, with a case opened for them. */
  const caseFor = async (birth: Record<string, unknown>, by: Client = caseworker) => {
    const created = await by.request('POST', '/api/v1/persons', { givenName: 'Lina', familyName: 'Assessed', sex: 'female', ...birth });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const personId = (created.body as { id: string }).id;
    await giveConsent(by, personId);
    const opened = await by.request('POST', '/api/v1/cases', { personId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return { personId, caseId: (opened.body as { id: string }).id };
  };
  const tasksOf = async (caseId: string, by: Client = caseworker) => ((await by.request('GET', `/api/v1/cases/${caseId}`)).body as { tasks: Task[] }).tasks;
  const actAndPurpose = { acts: ['recruitment', 'transportation'], purposes: ['forced_labour_or_services'], stageReached: 'exploitation' };

  it('a 16-year-old with act and purpose is a presumed victim (child rule): protection due today and a referral offer on the case, audited', async () => {
    const { caseId, personId } = await caseFor({ dateOfBirth: '2010-01-15' });
    const response = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, actAndPurpose);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const assessment = response.body as Assessment;
    expect(assessment).toMatchObject({ caseId, personId, outcome: 'presumed_victim', restricted: false });
    expect(assessment.findings!.age.childRuleApplies).toBe(true);
    expect(assessment.findings!.elements.means).toMatchObject({ required: false, present: false });
    expect(assessment.findings!.reasons.length).toBeGreaterThan(0);

    const tasks = (await tasksOf(caseId)).filter((t) => t.createdFrom?.startsWith(`trafficking:${assessment.id}:`));
    expect(tasks).toHaveLength(2);
    const protection = tasks.find((t) => t.createdFrom!.endsWith(':immediate_protection'))!;
    const referral = tasks.find((t) => t.createdFrom!.endsWith(':referral_offer'))!;
    expect(protection).toMatchObject({ kind: 'action', dueDate: '2026-06-01', ownerUserId: caseworker.userId });
    expect(referral).toMatchObject({ kind: 'referral', dueDate: '2026-06-03' });
    expect(await count(`select count(*) as n from audit_events where action = 'trafficking.assess' and resource_id = '${caseId}'`)).toBe(1);

    const history = await caseworker.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`);
    expect(history.status).toBe(200);
    expect((history.body as { items: Assessment[] }).items.map((a) => a.id)).toEqual([assessment.id]);
    expect(await count(`select count(*) as n from audit_events where action = 'trafficking.view' and resource_id = '${caseId}'`)).toBe(1);
  });

  it('a 30-year-old with the same act and purpose but no means is at risk, and no task is added', async () => {
    const { caseId } = await caseFor({ birthYear: 1996 });
    const before = await tasksOf(caseId);
    const response = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, actAndPurpose);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const assessment = response.body as Assessment;
    expect(assessment.outcome).toBe('at_risk');
    expect(assessment.findings!.age.childRuleApplies).toBe(false);
    expect(assessment.findings!.elements.means).toMatchObject({ required: true, present: false });
    expect(await tasksOf(caseId)).toHaveLength(before.length);
  });

  it('keeps every assessment, newest first', async () => {
    const { caseId } = await caseFor({ birthYear: 1990 });
    const first = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'] });
    expect(first.status).toBe(201);
    clock.setTime(clock.getTime() + 60_000);
    const second = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { ...actAndPurpose, means: ['deception'] });
    expect(second.status).toBe(201);
    expect((second.body as Assessment).outcome).toBe('presumed_victim');
    const history = (await caseworker.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`)).body as { items: Assessment[]; total: number };
    expect(history.total).toBe(2);
    expect(history.items.map((a) => a.id)).toEqual([(second.body as Assessment).id, (first.body as Assessment).id]);
  });

  it('refuses bad input with JSON Pointer paths and writes nothing', async () => {
    const { caseId } = await caseFor({ birthYear: 1996 });
    const before = await rows();
    const unknown = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, {
      acts: ['recruitment', 'teleportation'],
      iloIndicators: [{ code: 'deception', evidenceNoteId: 'not a note id!' }],
      dates: { firstContact: '2026-05-01', exploitationStart: '2026-04-01', exploitationEnd: '2027-01-01' },
    });
    expect(unknown.status).toBe(400);
    const errors = (unknown.body as { code: string; errors: { path: string; code: string }[] }).errors;
    expect(unknown.body).toMatchObject({ code: 'validation_failed' });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/acts/1', code: 'unknown_code' }),
        expect.objectContaining({ path: '/iloIndicators/0/evidenceNoteId', code: 'invalid_note_id' }),
        expect.objectContaining({ path: '/dates/exploitationStart', code: 'dates_out_of_order' }),
        expect.objectContaining({ path: '/dates/exploitationEnd', code: 'date_in_future' }),
      ]),
    );
    // A child rule claimed for an adult: the record says 18 or over at the time of the acts.
    const childClaim = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { ...actAndPurpose, underEighteenAtActs: true });
    expect(childClaim.status).toBe(400);
    expect(childClaim.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/underEighteenAtActs', code: 'child_rule_adult' }] });
    // The shape itself (contracts): a field that is not in the schema.
    const shape = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: 'recruitment', narrative: 'x' });
    expect(shape.status).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it('shows a reader not cleared for trafficking and not assigned the outcome only, with the elements withheld', async () => {
    const { caseId } = await caseFor({ dateOfBirth: '2010-01-15' });
    expect((await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, actAndPurpose)).status).toBe(201);
    const read = await officer.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`);
    expect(read.status).toBe(200);
    const [item] = (read.body as { items: Assessment[] }).items;
    expect(item).toMatchObject({ outcome: 'presumed_victim', restricted: true, findings: null });
    const text = JSON.stringify(read.body);
    for (const code of ['recruitment', 'forced_labour_or_services', 'exploitation', 'childRuleApplies']) expect(text).not.toContain(code);
    // The assigned worker reads the findings on need-to-know.
    const own = (await caseworker.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`)).body as { items: Assessment[] };
    expect(own.items[0]).toMatchObject({ restricted: false });
    expect(own.items[0]!.findings).not.toBeNull();
  });

  it("another agency's case is not found, and an unknown case is not found; nothing written", async () => {
    const { caseId } = await caseFor({ birthYear: 1996 });
    const before = await rows();
    expect((await otherAgencyWorker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, actAndPurpose)).status).toBe(404);
    expect((await otherAgencyWorker.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`)).status).toBe(404);
    expect((await caseworker.request('POST', `/api/v1/cases/${MISSING}/trafficking-assessments`, actAndPurpose)).status).toBe(404);
    expect((await caseworker.request('GET', '/api/v1/cases/not-an-id/trafficking-assessments')).status).toBe(404);
    expect(await rows()).toEqual(before);
  });
});
