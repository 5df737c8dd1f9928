import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

// The clock moves on a minute per call, so a withdrawal is after the grant it ends.
let clock = Date.parse('2026-06-15T10:00:00Z');
const tick = () => new Date((clock += 60_000));

interface Problem {
  code: string;
  purpose?: string;
  errors?: { path: string; code: string }[];
}

/**
 * A referral that names its recipient agency is one made "with the person's consent": the
 * server lets it through only while referral consent to that agency is in force, refuses it
 * otherwise (409 consent_required at /recipientAgencyId, nothing written, the refusal
 * audited), and audits the consent it relied on.
 */
describe.each(databaseTargets())('referral tasks made on the person’s consent on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let partner: string;
  let other: string;
  let personId: string;
  let caseId: string;

  beforeAll(async () => {
    app = await startTestApp(target, { now: tick });
    caseworker = await app.as('caseworker');
    partner = await app.createAgency({ kind: 'anti_trafficking' });
    other = await app.createAgency({ kind: 'ngo' });
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Hana', familyName: 'Referred', sex: 'female', birthYear: 1990 });
    personId = (created.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    const opened = await caseworker.request('POST', '/api/v1/cases', { personId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = (opened.body as { id: string }).id;
  });
  afterAll(() => app.close());

  const refer = (body: Record<string, unknown>) => caseworker.request('POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'referral', title: 'Referral for legal aid (with the person’s consent)', ...body });
  const taskCount = async () => Number((await app.database.pool.query<{ n: string }>('select count(*) as n from case_tasks where case_id = $1', [caseId])).rows[0]!.n);
  const audits = async (action: string, resourceId: string) =>
    (await app.database.pool.query<{ outcome: string; details: Record<string, unknown> }>('select outcome, details from audit_events where action = $1 and resource_id = $2 order by seq', [action, resourceId])).rows;

  it('refuses a referral claiming consent that is missing, then one to another agency than the consent names, writing nothing', async () => {
    const before = await taskCount();
    const missing = await refer({ recipientAgencyId: partner });
    expect(missing.status).toBe(409);
    expect(missing.contentType).toContain('application/problem+json');
    expect(missing.body as Problem).toMatchObject({ code: 'consent_required', purpose: 'referral', errors: [{ path: '/recipientAgencyId', code: 'missing' }] });
    expect(await taskCount()).toBe(before);
    expect(await audits('case.referral_create', personId)).toEqual([
      expect.objectContaining({ outcome: 'refused', details: expect.objectContaining({ purpose: 'referral', consentStatus: 'missing' }) }),
    ]);

    // Consent to a referral elsewhere does not cover this agency.
    await giveConsent(caseworker, personId, 'referral', { recipientAgencyId: other });
    const elsewhere = await refer({ recipientAgencyId: partner });
    expect(elsewhere.status).toBe(409);
    expect(await taskCount()).toBe(before);
  });

  it('accepts it once the consent to that agency is recorded, auditing the consent relied on; refuses it again after a withdrawal', async () => {
    const consentId = await giveConsent(caseworker, personId, 'referral', { recipientAgencyId: partner });
    const made = await refer({ recipientAgencyId: partner, dueDate: '2026-06-20' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const taskId = (made.body as { id: string; kind: string }).id;
    expect(made.body).toMatchObject({ kind: 'referral', title: 'Referral for legal aid (with the person’s consent)' });
    const created = (await audits('case.task_create', caseId)).find((row) => row.details.taskId === taskId);
    expect(created).toMatchObject({ outcome: 'allowed', details: { recipientAgencyId: partner, consentId } });

    const withdrawn = await caseworker.request('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'referral', recipientAgencyId: partner, decision: 'withdrawn', method: 'oral', givenBy: 'self' });
    expect(withdrawn.status).toBe(201);
    const before = await taskCount();
    const refused = await refer({ recipientAgencyId: partner });
    expect(refused.status).toBe(409);
    expect(refused.body as Problem).toMatchObject({ code: 'consent_required', errors: [{ path: '/recipientAgencyId', code: 'withdrawn' }] });
    expect(await taskCount()).toBe(before);
  });

  it('answers a recipient on a task that is not a referral, or an unknown agency, with a 400 at the field, writing nothing', async () => {
    const before = await taskCount();
    const notReferral = await caseworker.request('POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'task', title: 'Call back', recipientAgencyId: partner });
    expect(notReferral.status).toBe(400);
    expect(notReferral.body as Problem).toMatchObject({ code: 'validation_failed', errors: [{ path: '/recipientAgencyId', code: 'referral_only' }] });
    const unknown = await refer({ recipientAgencyId: uuidv7() });
    expect(unknown.status).toBe(400);
    expect(unknown.body as Problem).toMatchObject({ code: 'validation_failed', errors: [{ path: '/recipientAgencyId', code: 'unknown_agency' }] });
    const malformed = await refer({ recipientAgencyId: 'partner' });
    expect(malformed.status).toBe(400);
    expect((malformed.body as Problem).errors).toContainEqual(expect.objectContaining({ path: '/recipientAgencyId' }));
    expect(await taskCount()).toBe(before);
  });

  it('a referral without a named recipient stays a plain task (no consent claimed, none checked)', async () => {
    const plain = await caseworker.request('POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'referral', title: 'Consider a referral for livelihoods' });
    expect(plain.status).toBe(201);
  });

  it('lets a caseworker, who records referral consents, list the agencies of their operation to name the recipient', async () => {
    const { operationId } = app;
    const listed = await caseworker.request('GET', `/api/v1/operations/${operationId}/agencies`);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { id: string }[] }).items.map((agency) => agency.id)).toEqual(expect.arrayContaining([partner, other]));
  });
});
