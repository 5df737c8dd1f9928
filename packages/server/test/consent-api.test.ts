import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

// The clock moves on a minute per call, so "before" and "after" a withdrawal are distinct.
let clock = Date.parse('2026-06-15T10:00:00Z');
const tick = () => new Date((clock += 60_000));

const adult = { givenName: 'Amina', familyName: 'Yusuf', sex: 'female', birthYear: 1994 };
const grant = { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' };
const screening = { instrument: 'heightened-risk', responses: {} };

describe.each(databaseTargets())('consent API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let supervisor: Client;
  beforeAll(async () => {
    app = await startTestApp(target, { now: tick });
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
  });
  afterAll(() => app.close());

  const register = async (body: Record<string, unknown> = adult, by: Client = caseworker) => {
    const response = await by.request('POST', '/api/v1/persons', body);
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  };
  const consents = (personId: string, body: unknown, by: Client = caseworker) => by.request('POST', `/api/v1/persons/${personId}/consents`, body);
  const screen = (personId: string, extra: Record<string, unknown> = {}, by: Client = caseworker) =>
    by.request('POST', `/api/v1/persons/${personId}/screenings`, { ...screening, ...extra });
  const count = async (table: 'consents' | 'screenings' | 'audit_events') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = (action: string, personId: string) =>
    app.database.db
      .selectFrom('audit_events as e')
      // A reason's words sit beside the chain (audit_reasons, migration 0030).
      .leftJoin('audit_reasons as r', (join) => join.onRef('r.chain', '=', 'e.chain').onRef('r.seq', '=', 'e.seq'))
      .select(['e.action', 'e.details', 'r.reason', 'e.outcome', 'e.actor_id'])
      .where('e.action', '=', action)
      .where('e.resource_id', '=', personId)
      .orderBy('e.seq')
      .execute();

  it('records a grant, shows it in force, and audits it with ids and codes only', async () => {
    const personId = await register();
    const empty = await caseworker.request('GET', `/api/v1/persons/${personId}/consents`);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ requirement: { giver: 'self', assent: 'none' }, history: [] });
    expect((empty.body as { current: unknown[] }).current).toContainEqual(expect.objectContaining({ purpose: 'case_management', status: 'missing' }));

    const created = await consents(personId, grant);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...grant, personId, recipientAgencyId: null, childAssent: 'not_applicable', recordedBy: caseworker.userId });
    const overview = (await caseworker.request('GET', `/api/v1/persons/${personId}/consents`)).body as { current: { purpose: string; status: string }[]; history: unknown[] };
    expect(overview.current).toContainEqual(expect.objectContaining({ purpose: 'case_management', status: 'given' }));
    expect(overview.current).toContainEqual(expect.objectContaining({ purpose: 'tracing', status: 'missing' }));
    expect(overview.history).toHaveLength(1);
    const [audit] = await audits('consent.record', personId);
    expect(audit).toMatchObject({ outcome: 'allowed', details: { consentId: (created.body as { id: string }).id, purpose: 'case_management', decision: 'given' } });
    expect(JSON.stringify(audit!.details)).not.toContain('Amina');
  });

  it('refuses a screening without consent, allows it after a grant, and refuses it again from the moment of withdrawal', async () => {
    const personId = await register();
    const before = await count('screenings');
    const refused = await screen(personId);
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'consent_required', purpose: 'case_management', detail: expect.stringContaining('case_management') });
    expect(await count('screenings')).toBe(before);
    expect(await audits('screening.create', personId)).toEqual([expect.objectContaining({ outcome: 'refused', details: expect.objectContaining({ purpose: 'case_management', consentStatus: 'missing' }) })]);

    await giveConsent(caseworker, personId);
    expect((await screen(personId)).status).toBe(201);

    const withdrawn = await consents(personId, { ...grant, decision: 'withdrawn', method: 'oral' });
    expect(withdrawn.status).toBe(201);
    expect(await audits('consent.withdraw', personId)).toHaveLength(1);
    const after = await screen(personId);
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'consent_required', errors: [expect.objectContaining({ code: 'withdrawn' })] });
    // History stays: the grant and the withdrawal, newest first.
    const overview = (await caseworker.request('GET', `/api/v1/persons/${personId}/consents`)).body as { current: { purpose: string; status: string }[]; history: { decision: string }[] };
    expect(overview.history.map((h) => h.decision)).toEqual(['withdrawn', 'given']);
    expect(overview.current).toContainEqual(expect.objectContaining({ purpose: 'case_management', status: 'withdrawn' }));
    // Agreeing again puts it back in force.
    await giveConsent(caseworker, personId);
    expect((await screen(personId)).status).toBe(201);
  });

  it('lets a supervisor override with a written reason, audited with the reason in the same transaction', async () => {
    const personId = await register();
    const reason = 'Imminent risk of onward trafficking; consent to be sought at next contact';
    const short = await screen(personId, { consentOverride: { reason: 'urgent' } }, supervisor);
    expect(short.status).toBe(400);
    expect((short.body as { errors: { path: string }[] }).errors).toContainEqual(expect.objectContaining({ path: '/consentOverride/reason' }));
    const overridden = await screen(personId, { consentOverride: { reason } }, supervisor);
    expect(overridden.status).toBe(201);
    const [audit] = await audits('consent.override', personId);
    expect(audit).toMatchObject({ reason, outcome: 'allowed', actor_id: supervisor.userId, details: expect.objectContaining({ purpose: 'case_management', status: 'missing' }) });
    // No override, no consent: still refused.
    expect((await screen(personId, {}, supervisor)).status).toBe(409);
  });

  it('a caseworker without consent.override cannot override, and the attempt is audited as refused', async () => {
    const personId = await register();
    const before = [await count('screenings'), (await audits('consent.override', personId)).length];
    const attempt = await screen(personId, { consentOverride: { reason: 'I think it is important enough' } });
    expect(attempt.status).toBe(409);
    expect(attempt.body).toMatchObject({ code: 'consent_required' });
    expect([await count('screenings'), (await audits('consent.override', personId)).length]).toEqual(before);
    expect(await audits('screening.create', personId)).toEqual([expect.objectContaining({ outcome: 'refused', details: expect.objectContaining({ overrideAttempted: true }) })]);
  });

  it('takes a child’s consent from a carer with the assent the age requires', async () => {
    // Born 2017: 9 in June 2026, so a carer's consent and the child's oral assent.
    const childId = await register({ givenName: 'Abdi', familyName: 'Noor', sex: 'male', birthYear: 2017 });
    const overview = await caseworker.request('GET', `/api/v1/persons/${childId}/consents`);
    expect(overview.body).toMatchObject({ requirement: { giver: 'carer', assent: 'oral' } });
    const ok = await consents(childId, { ...grant, givenBy: 'carer', carerRelationship: 'caregiver', childAssent: 'yes', assentMethod: 'oral' });
    expect(ok.status).toBe(201);
    expect((await screen(childId)).status).toBe(201);
    // The child says no: recorded truthfully, and the consent is no longer sufficient.
    const declined = await consents(childId, { ...grant, givenBy: 'carer', carerRelationship: 'caregiver', childAssent: 'no' });
    expect(declined.status).toBe(201);
    expect((await screen(childId)).body).toMatchObject({ code: 'consent_required', errors: [expect.objectContaining({ code: 'insufficient' })] });
  });

  it('records referral consent for a named agency of the same operation', async () => {
    const personId = await register();
    const partner = await app.createAgency({ kind: 'anti_trafficking' });
    const created = await consents(personId, { ...grant, purpose: 'referral', recipientAgencyId: partner });
    expect(created.status).toBe(201);
    const overview = (await caseworker.request('GET', `/api/v1/persons/${personId}/consents`)).body as { current: unknown[] };
    expect(overview.current).toContainEqual(expect.objectContaining({ purpose: 'referral', recipientAgencyId: partner, status: 'given' }));
  });

  describe('bad input', () => {
    let personId: string;
    let childId: string;
    let foreignAgency: string;
    beforeAll(async () => {
      personId = await register();
      childId = await register({ givenName: 'Hodan', familyName: 'Ali', sex: 'female', birthYear: 2013 });
      const otherOperation = uuidv7();
      await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'other-consent', name: 'Other' }).execute();
      foreignAgency = await app.createAgency({ operationId: otherOperation });
    });

    it.each([
      ['an unknown purpose', 'adult', { ...grant, purpose: 'marketing' }, '/purpose', 'not_allowed'],
      ['a referral without an agency', 'adult', { ...grant, purpose: 'referral' }, '/recipientAgencyId', 'required'],
      ['a referral to an agency of another operation', 'adult', { ...grant, purpose: 'referral', recipientAgencyId: 'FOREIGN' }, '/recipientAgencyId', 'unknown_agency'],
      ['an agency on a non-referral consent', 'adult', { ...grant, recipientAgencyId: 'FOREIGN' }, '/recipientAgencyId', 'not_allowed'],
      ['a child (13) consenting for themself', 'child', grant, '/givenBy', 'carer_consent_required'],
      ['a child (13) without assent', 'child', { ...grant, givenBy: 'carer', carerRelationship: 'parent' }, '/childAssent', 'child_assent_required'],
      ['a child (13) with only oral assent', 'child', { ...grant, givenBy: 'carer', carerRelationship: 'parent', childAssent: 'yes', assentMethod: 'oral' }, '/assentMethod', 'written_assent_required'],
      ['a carer without a relationship', 'child', { ...grant, givenBy: 'carer', childAssent: 'yes', assentMethod: 'written' }, '/carerRelationship', 'required'],
      ['a date in the future', 'adult', { ...grant, effectiveAt: '2099-01-01T00:00:00Z' }, '/effectiveAt', 'in_future'],
      ['an unknown field', 'adult', { ...grant, carerName: 'Fatima' }, '/carerName', 'unknown_field'],
      ['a missing method', 'adult', { purpose: 'tracing', decision: 'given', givenBy: 'self' }, '/method', 'not_allowed'],
    ] as const)('refuses %s with 400 at the field, writing nothing', async (_label, who, body, path, code) => {
      const target = who === 'adult' ? personId : childId;
      const sent = JSON.parse(JSON.stringify(body).replaceAll('FOREIGN', foreignAgency)) as unknown;
      const before = [await count('consents'), await count('audit_events')];
      const response = await consents(target, sent);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path, code }));
      expect([await count('consents'), await count('audit_events')]).toEqual(before);
    });
  });

  it('answers 404 for a person of another agency, and for an unknown person', async () => {
    const personId = await register();
    const otherAgency = await app.createAgency();
    const outsider = await app.as('caseworker', undefined, { agencyId: otherAgency });
    const before = await count('consents');
    expect((await outsider.request('GET', `/api/v1/persons/${personId}/consents`)).status).toBe(404);
    expect((await consents(personId, grant, outsider)).status).toBe(404);
    expect((await consents('0190a4e0-0000-7000-8000-000000000000', grant)).status).toBe(404);
    expect(await count('consents')).toBe(before);
  });

  it('keeps analysts and auditors away from consent records', async () => {
    const personId = await register();
    for (const role of ['analyst', 'auditor'] as const) {
      const user = await app.as(role);
      expect((await user.request('GET', `/api/v1/persons/${personId}/consents`)).status).toBe(403);
      expect((await consents(personId, grant, user)).status).toBe(403);
    }
  });

  it('the database refuses to rewrite a decision', async () => {
    const personId = await register();
    await giveConsent(caseworker, personId);
    await expect(app.database.db.updateTable('consents').set({ decision: 'withdrawn' }).where('person_id', '=', personId).execute()).rejects.toThrow(/append-only/);
  });
});
