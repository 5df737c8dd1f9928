import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/use-cases/retention/run-retention';
import { verifyAuditChain } from '../src/use-cases/audit/verify-audit-chain';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe.each(databaseTargets())('retention on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let caseworker: Client;
  let supervisor: Client;
  const ids: Record<'stale' | 'staleToo' | 'screenedRecently' | 'noteRecently' | 'fresh' | 'attendedRecently' | 'linkedRecently', string> = {
    attendedRecently: '',
    linkedRecently: '',
    stale: '',
    staleToo: '',
    screenedRecently: '',
    noteRecently: '',
    fresh: '',
  };
  beforeAll(async () => {
    app = await startTestApp(target, { now: () => NOW });
    admin = await app.as('administrator');
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
      const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `Person ${key}`, familyName: 'Test', sex: 'male', birthYear: 1985 });
      expect(created.status).toBe(201);
      ids[key] = (created.body as { id: string }).id;
    }
    const note = await supervisor.request('POST', `/api/v1/persons/${ids.noteRecently}/protection-notes`, { topic: 'health', body: 'Needs follow-up.' });
    expect(note.status).toBe(201);
    // Back-date: everything but `fresh` last changed 400 days ago; one was screened, one
    // had a note written, 10 days ago.
    const db = app.database.db;
    // Programme and workplace activity: `stale` enrolled, attended and was linked 400 days
    // ago; one attended a session 10 days ago, one was linked to a workplace 10 days ago.
    // Rows written directly, back-dated (consent, which enrolling needs, is append-only).
    const programme = await supervisor.request('POST', '/api/v1/programmes', { name: 'Awareness', kind: 'trafficking_awareness', rule: { all: [{ field: 'sex', op: 'in', values: ['male'] }] }, adminAreaCodes: [], capacity: 10 });
    expect(programme.status).toBe(201);
    const programmeId = (programme.body as { id: string }).id;
    const session = await caseworker.request('POST', `/api/v1/programmes/${programmeId}/sessions`, { heldOn: '2026-06-05', topic: 'Safe recruitment', attendees: [] });
    expect(session.status).toBe(201);
    const workplace = await caseworker.request('POST', '/api/v1/workplaces', { name: 'Quarry', sector: 'B_MiningAndQuarrying', adminAreaCode: 'LB11' });
    expect(workplace.status).toBe(201);
    const operation_id = app.operationId;
    const programme_id = programmeId;
    for (const [key, attendedDaysAgo] of [['stale', 400], ['attendedRecently', 10]] as const) {
      await db.insertInto('programme_enrolments').values({ operation_id, programme_id, person_id: ids[key], enrolled_at: ago(400), enrolled_by: caseworker.userId!, consent_overridden: false }).execute();
      await db.insertInto('programme_attendance').values({ operation_id, programme_id, session_id: (session.body as { id: string }).id, person_id: ids[key], recorded_at: ago(attendedDaysAgo), recorded_by: caseworker.userId! }).execute();
    }
    for (const [key, linkedDaysAgo] of [['stale', 400], ['linkedRecently', 10]] as const) {
      await db.insertInto('workplace_people').values({ operation_id, workplace_id: (workplace.body as { id: string }).id, person_id: ids[key], linked_at: ago(linkedDaysAgo), linked_by: caseworker.userId! }).execute();
    }
    for (const key of ['stale', 'staleToo', 'screenedRecently', 'noteRecently', 'attendedRecently', 'linkedRecently'] as const) {
      await db.updateTable('persons').set({ updated_at: ago(400), created_at: ago(400) }).where('id', '=', ids[key]).execute();
    }
    await db.updateTable('persons').set({ screened_at: ago(10) }).where('id', '=', ids.screenedRecently).execute();
    await db.updateTable('persons').set({ screened_at: ago(500) }).where('id', '=', ids.staleToo).execute();
    await db.updateTable('protection_notes').set({ updated_at: ago(10) }).where('person_id', '=', ids.noteRecently).execute();
  });
  afterAll(() => app.close());

  const path = () => `/api/v1/operations/${app.operationId}/retention`;
  const count = async (table: 'operation_retention' | 'audit_events') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const anonymisedIds = async () =>
    (await app.database.db.selectFrom('persons').select('id').where('anonymised_at', 'is not', null).execute()).map((row) => row.id).sort();

  it('is off until set, and refuses callers without retention.manage', async () => {
    expect((await admin.request('GET', path())).body).toMatchObject({ policyId: null, anonymiseInactiveAfterDays: null, version: 0 });
    expect((await caseworker.request('GET', path())).status).toBe(403);
    expect((await caseworker.request('PUT', path(), { anonymiseInactiveAfterDays: 365, version: 0 })).status).toBe(403);
    expect((await caseworker.request('GET', `${path()}/dry-run`)).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/operations/0190a4e0-0000-7000-8000-000000000000/retention')).status).toBe(404);
    // Off: a run finds nothing to do.
    expect((await runRetention(app.database.db, { dryRun: false, now: () => NOW })).operations).toEqual([]);
  });

  // Review of issue 20: retention is a decision over the whole operation; only its membership was checked.
  it('refuses an administrator whose scope is one agency: the policy, setting it and the dry run are 403, nothing written', async () => {
    const agencyAdmin = await app.as('administrator', undefined, { scope: 'agency' });
    // The web app is not offered what the server refuses: no Retention link for this administrator.
    expect(agencyAdmin.session!.abilities).not.toContain('retention.manage');
    expect(agencyAdmin.session!.abilities).toContain('user.manage');
    expect((await app.as('administrator')).session!.abilities).toContain('retention.manage');
    const fromReload = await agencyAdmin.request('GET', '/api/v1/sessions/current');
    expect((fromReload.body as { abilities: string[] }).abilities).not.toContain('retention.manage');
    const before = [await count('operation_retention'), (await app.database.db.selectFrom('audit_events').select('id').where('action', '=', 'retention.policy_update').execute()).length];
    for (const [method, url, body] of [
      ['GET', path(), undefined],
      ['PUT', path(), { anonymiseInactiveAfterDays: 365, version: 0 }],
      ['GET', `${path()}/dry-run`, undefined],
    ] as const) {
      const refused = await agencyAdmin.request(method, url, body);
      expect(refused.status, `${method} ${url}`).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'forbidden' });
    }
    expect([await count('operation_retention'), (await app.database.db.selectFrom('audit_events').select('id').where('action', '=', 'retention.policy_update').execute()).length]).toEqual(before);
    const asAgency = { userId: agencyAdmin.userId!, role: 'administrator', scope: 'agency', agencyId: app.agencyId, teamIds: [], operationIds: [app.operationId] } as const;
    await app.database.db.insertInto('operation_retention').values({ operation_id: app.operationId, id: '0190a4e0-0000-7000-8000-00000000aaaa', anonymise_inactive_after_days: 365, updated_by: agencyAdmin.userId! }).execute();
    try {
      expect(await runRetention(app.database.db, { dryRun: true, now: () => NOW, actor: asAgency })).toEqual({ ran: true, operations: [] });
      expect(await runRetention(app.database.db, { dryRun: false, now: () => NOW, actor: asAgency })).toEqual({ ran: true, operations: [] });
      expect(await anonymisedIds()).toEqual([]);
    } finally {
      await app.database.db.deleteFrom('operation_retention').where('operation_id', '=', app.operationId).execute();
    }
  });

  it.each([
    [{ anonymiseInactiveAfterDays: 5, version: 0 }, '/anonymiseInactiveAfterDays'],
    [{ anonymiseInactiveAfterDays: 'a year', version: 0 }, '/anonymiseInactiveAfterDays'],
    [{ anonymiseInactiveAfterDays: 365 }, '/version'],
    [{ anonymiseInactiveAfterDays: 365, version: 0, deleteEverything: true }, '/deleteEverything'],
  ])('refuses a bad policy %j with a problem at %s, writing nothing', async (body, pointer) => {
    const before = [await count('operation_retention'), await count('audit_events')];
    const response = await admin.request('PUT', path(), body);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: pointer }));
    expect([await count('operation_retention'), await count('audit_events')]).toEqual(before);
  });

  it('sets the policy by version, audited; a stale version is a 409', async () => {
    const set = await admin.request('PUT', path(), { anonymiseInactiveAfterDays: 365, version: 0 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ anonymiseInactiveAfterDays: 365, version: 1, policyId: expect.any(String) });
    expect((await admin.request('PUT', path(), { anonymiseInactiveAfterDays: 400, version: 0 })).status).toBe(409);
    const audited = await app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'retention.policy_update').execute();
    expect(audited).toHaveLength(1);
  });

  it('dry-run counts exactly the people past the threshold, with ids and no names, and writes nothing', async () => {
    const before = [await count('audit_events'), (await anonymisedIds()).length];
    const response = await admin.request('GET', `${path()}/dry-run`);
    expect(response.status).toBe(200);
    const report = response.body as { total: number; personIds: string[]; byReason: Array<{ reason: string; count: number; oldestLastActivity: string }> };
    expect(report.total).toBe(2);
    expect([...report.personIds].sort()).toEqual([ids.stale, ids.staleToo].sort());
    expect(report.byReason).toEqual([{ reason: 'inactive', count: 2, oldestLastActivity: ago(400).toISOString() }]);
    expect(JSON.stringify(report)).not.toContain('Person ');
    const cli = await runRetention(app.database.db, { dryRun: true, now: () => NOW });
    expect(cli.operations).toEqual([expect.objectContaining({ total: 2, anonymised: 0, dryRun: true })]);
    expect([await count('audit_events'), (await anonymisedIds()).length]).toEqual(before);
  });

  it('runs only where the rule book lets its actor: as a caseworker (no retention.manage) it touches nothing', async () => {
    const caseworker = { userId: admin.userId!, role: 'caseworker', scope: 'operation', agencyId: app.agencyId, teamIds: [], operationIds: [app.operationId] } as const;
    const refused = await runRetention(app.database.db, { dryRun: false, now: () => NOW, actor: caseworker });
    expect(refused).toEqual({ ran: true, operations: [] });
    expect(await anonymisedIds()).toEqual([]);
  });

  it('anonymises exactly those, each audited with the policy id; a second run changes nothing', async () => {
    const policyId = ((await admin.request('GET', path())).body as { policyId: string }).policyId;
    const first = await runRetention(app.database.db, { dryRun: false, now: () => NOW, batchSize: 1 });
    expect(first.ran).toBe(true);
    expect(first.operations).toEqual([expect.objectContaining({ code: 'test', anonymised: 2 })]);
    expect(await anonymisedIds()).toEqual([ids.stale, ids.staleToo].sort());
    const anonymise = await app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'retention.anonymise').execute();
    expect(anonymise.map((row) => row.resource_id).sort()).toEqual([ids.stale, ids.staleToo].sort());
    for (const row of anonymise) expect(row.details).toMatchObject({ policyId, rule: 'inactive' });
    const stale = (await admin.request('GET', `/api/v1/persons/${ids.stale}`)).body as { givenName: string; anonymisedAt: string | null; birthYear: number };
    expect(stale).toMatchObject({ givenName: 'Anonymised', birthYear: 1985, anonymisedAt: expect.any(String) });
    // Retention anonymises as erasure does: enrolment and attendance stay (coverage), the workplace link goes.
    const rowsOf = (table: 'programme_enrolments' | 'programme_attendance' | 'workplace_people') => app.database.db.selectFrom(table).select('person_id').where('person_id', '=', ids.stale).execute();
    expect(await rowsOf('programme_enrolments')).toHaveLength(1);
    expect(await rowsOf('programme_attendance')).toHaveLength(1);
    expect(await rowsOf('workplace_people')).toHaveLength(0);
    expect(anonymise.find((row) => row.resource_id === ids.stale)!.details).toMatchObject({ workplaceLinks: 1 });

    const second = await runRetention(app.database.db, { dryRun: false, now: () => NOW });
    expect(second.operations).toEqual([expect.objectContaining({ anonymised: 0, total: 0 })]);
    expect(await app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'retention.anonymise').execute()).toHaveLength(2);
    expect(await app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'retention.run').execute()).toHaveLength(2);
    expect((await verifyAuditChain(app.database.db)).breaks).toEqual([]);
  });

  it('runs in one process at a time', async () => {
    const [a, b] = await Promise.all([
      runRetention(app.database.db, { dryRun: true, now: () => NOW }),
      runRetention(app.database.db, { dryRun: true, now: () => NOW }),
    ]);
    // Both may finish one after the other, but never both at once: at least one ran.
    expect(a.ran || b.ran).toBe(true);
  });
});
