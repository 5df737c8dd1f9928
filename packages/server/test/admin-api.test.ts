import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string }>;
}

describe.each(databaseTargets())('organisations and people administration on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let supervisor: Client;
  let otherAgency: string;
  let otherOperation: string;
  let otherOperationAgency: string;
  let otherOperationTeam: string;
  let otherOperationUser: Client;
  let emails = 0;

  beforeAll(async () => {
    app = await startTestApp(target);
    admin = await app.as('administrator');
    supervisor = await app.as('supervisor');
    otherAgency = await app.createAgency({ code: 'partner', kind: 'anti_trafficking' });
    otherOperation = uuidv7();
    await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'elsewhere', name: 'Elsewhere' }).execute();
    otherOperationAgency = await app.createAgency({ operationId: otherOperation, code: 'far' });
    otherOperationTeam = await app.createTeam(otherOperationAgency, { operationId: otherOperation });
    otherOperationUser = await app.as('caseworker', [otherOperation], { agencyId: otherOperationAgency });
  });
  afterAll(() => app.close());

  const count = async (table: 'users' | 'audit_events' | 'agencies' | 'teams' | 'team_members' | 'operations' | 'sessions' | 'persons') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // A refusal may itself be audited ('request.refused'); what matters is that nothing else was written.
  const changesAudited = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '!=', 'request.refused')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () =>
    Promise.all([...(['users', 'agencies', 'teams', 'team_members', 'operations'] as const).map((table) => count(table)), changesAudited()]);
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `person-${++emails}@example.org`,
    displayName: 'New colleague',
    role: 'caseworker',
    scope: 'own',
    agencyId: app.agencyId,
    operationIds: [app.operationId],
    ...overrides,
  });
  const problem = (body: unknown) => body as Problem;

  describe('grants', () => {
    it('a supervisor with agency scope creates a caseworker in their agency, with a one-time password and no secrets in the answer', async () => {
      const created = await supervisor.request('POST', '/api/v1/users', newUser({ email: '  Mixed.Case@Example.org ' }));
      expect(created.status).toBe(201);
      const body = created.body as { user: Record<string, unknown>; oneTimePassword: string };
      expect(body.user).toMatchObject({ role: 'caseworker', scope: 'own', agencyId: app.agencyId, operationIds: [app.operationId], mustChangePassword: true, disabledAt: null });
      expect(body.user.email).toBe('mixed.case@example.org');
      expect(JSON.stringify(body)).not.toMatch(/hash|argon|secret/i);
      expect(body.oneTimePassword.length).toBeGreaterThanOrEqual(16);
      const signIn = await app.anonymous.request('POST', '/api/v1/sessions', { email: body.user.email, password: body.oneTimePassword });
      expect(signIn.status).toBe(201);
      expect(signIn.body).toMatchObject({ user: { mustChangePassword: true, scope: 'own', agencyId: app.agencyId } });
      const audit = await app.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.create').where('resource_id', '=', body.user.id as string).executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ role: 'caseworker', scope: 'own' });
      expect(JSON.stringify(audit.details)).not.toContain('@');
    });

    it.each([
      ['an administrator', { role: 'administrator' }, '/role', 'role_exceeds_own'],
      ['an operation-scope user', { scope: 'operation' }, '/scope', 'scope_exceeds_own'],
      ['a user in another agency', { agencyId: 'other' }, '/agencyId', 'outside_own_agency'],
      ['a user in an operation they do not work in', { operationIds: ['other-operation'] }, '/operationIds', 'outside_own_operations'],
    ])('a supervisor with agency scope cannot create %s', async (_label, overrides, path, code) => {
      const body = newUser(overrides);
      if (body.agencyId === 'other') body.agencyId = otherAgency;
      if ((body.operationIds as string[])[0] === 'other-operation') body.operationIds = [otherOperation];
      const before = await snapshot();
      const refused = await supervisor.request('POST', '/api/v1/users', body);
      expect(refused.status).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
      expect(problem(refused.body)).toMatchObject({ code: 'grant_exceeds_own', errors: [{ path, code }] });
      expect(await snapshot()).toEqual(before);
    });

    it('a supervisor may create a protection officer: their clearance covers every topic (core/policy ROLE_CLEARANCE)', async () => {
      expect((await supervisor.request('POST', '/api/v1/users', newUser({ role: 'protection_officer' }))).status).toBe(201);
    });

    it('an administrator can grant all of those', async () => {
      for (const overrides of [{ role: 'administrator', scope: 'operation' }, { role: 'protection_officer' }, { agencyId: otherAgency, scope: 'agency' }]) {
        const created = await admin.request('POST', '/api/v1/users', newUser(overrides));
        expect(created.status).toBe(201);
      }
    });

    it('a caseworker cannot create users at all', async () => {
      const caseworker = await app.as('caseworker');
      const refused = await caseworker.request('POST', '/api/v1/users', newUser());
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'forbidden' });
    });

    it('emails are unique whatever their case: 409 conflict, nothing written', async () => {
      const first = newUser();
      expect((await admin.request('POST', '/api/v1/users', first)).status).toBe(201);
      const before = await snapshot();
      const again = await admin.request('POST', '/api/v1/users', newUser({ email: first.email.toUpperCase() }));
      expect(again.status).toBe(409);
      expect(problem(again.body)).toMatchObject({ code: 'conflict', errors: [{ path: '/email' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('changing a role is a grant too, audited with old and new codes; nobody changes their own', async () => {
      const id = ((await supervisor.request('POST', '/api/v1/users', newUser())).body as { user: { id: string } }).user.id;
      const raised = await supervisor.request('PATCH', `/api/v1/users/${id}`, { role: 'administrator' });
      expect(raised.status).toBe(403);
      expect(problem(raised.body)).toMatchObject({ code: 'grant_exceeds_own', errors: [{ path: '/role' }] });
      const changed = await supervisor.request('PATCH', `/api/v1/users/${id}`, { role: 'partner_caseworker', scope: 'agency', displayName: 'Renamed' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ role: 'partner_caseworker', scope: 'agency', displayName: 'Renamed' });
      const events = await app.database.db.selectFrom('audit_events').select(['action', 'details']).where('resource_id', '=', id).orderBy('seq').execute();
      expect(events.map((event) => event.action)).toEqual(['user.create', 'user.role_change', 'user.scope_change', 'user.update']);
      expect(events[1]!.details).toMatchObject({ from: 'caseworker', to: 'partner_caseworker' });
      const own = await supervisor.request('PATCH', `/api/v1/users/${supervisor.userId}`, { scope: 'own' });
      expect(own.status).toBe(403);
      expect(problem(own.body)).toMatchObject({ code: 'cannot_change_own_access', errors: [{ path: '/scope' }] });
      expect((await supervisor.request('PATCH', `/api/v1/users/${supervisor.userId}`, { displayName: 'Me' })).status).toBe(200);
    });

    it('a supervisor cannot change or disable someone holding more than they may grant', async () => {
      const boss = await app.as('administrator');
      const refused = await supervisor.request('POST', `/api/v1/users/${boss.userId}/disable`);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'grant_exceeds_own' });
      expect((await supervisor.request('PATCH', `/api/v1/users/${boss.userId}`, { role: 'caseworker' })).status).toBe(403);
      expect((await boss.request('GET', '/api/v1/users')).status).toBe(200);
    });
  });

  describe('disabling', () => {
    it('ends every session of the user at once; enabling lets them sign in again', async () => {
      const victim = await app.as('caseworker');
      expect((await victim.request('GET', '/api/v1/persons')).status).toBe(200);
      const disabled = await admin.request('POST', `/api/v1/users/${victim.userId}/disable`);
      expect(disabled.status).toBe(200);
      expect((disabled.body as { disabledAt: string | null }).disabledAt).not.toBeNull();
      expect((await victim.request('GET', '/api/v1/persons')).status).toBe(401);
      const left = await app.database.db.selectFrom('sessions').select('user_id').where('user_id', '=', victim.userId!).execute();
      expect(left).toEqual([]);
      const email = victim.session!.user.email;
      expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'a-long-test-password' })).status).toBe(401);
      const audit = await app.database.db.selectFrom('audit_events').select('details').where('action', '=', 'user.disable').where('resource_id', '=', victim.userId!).executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ sessionsEnded: 1 });
      expect((await admin.request('POST', `/api/v1/users/${victim.userId}/enable`)).body).toMatchObject({ disabledAt: null });
      expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'a-long-test-password' })).status).toBe(201);
    });

    it('nobody disables themselves', async () => {
      const refused = await admin.request('POST', `/api/v1/users/${admin.userId}/disable`);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'cannot_change_own_access' });
      expect((await admin.request('GET', '/api/v1/operations')).status).toBe(200);
    });
  });

  describe('listing users', () => {
    it('filters to the reader’s operations, and to their agency below operation scope', async () => {
      const partner = await app.as('caseworker', [app.operationId], { agencyId: otherAgency });
      const all = async (client: Client) => ((await client.request('GET', '/api/v1/users?limit=200')).body as { items: Array<{ id: string }> }).items.map((u) => u.id);
      const byAdmin = await all(admin);
      expect(byAdmin).toContain(partner.userId);
      expect(byAdmin).toContain(supervisor.userId);
      expect(byAdmin).not.toContain(otherOperationUser.userId);
      const bySupervisor = await all(supervisor);
      expect(bySupervisor).toContain(admin.userId);
      expect(bySupervisor).not.toContain(partner.userId);
      expect((await (await app.as('analyst')).request('GET', '/api/v1/users')).status).toBe(403);
      expect((await (await app.as('auditor')).request('GET', '/api/v1/users')).status).toBe(200);
      const page = await admin.request('GET', '/api/v1/users?limit=1');
      expect(page.body).toMatchObject({ total: (await all(admin)).length });
      expect((page.body as { items: unknown[] }).items).toHaveLength(1);
      expect(JSON.stringify(page.body)).not.toMatch(/password_?hash|"hash"|secret|\$argon/i);
    });
  });

  describe('operations, agencies and teams', () => {
    it('an operation-scope administrator creates an operation with its first agency and works in it', async () => {
      const created = await admin.request('POST', '/api/v1/operations', { code: 'north', name: 'North', firstAgency: { code: 'unhcr-n', name: 'UNHCR North', kind: 'unhcr' } });
      expect(created.status).toBe(201);
      const operation = created.body as { id: string; firstAgency: { id: string; kind: string; operationId: string } };
      expect(operation.firstAgency).toMatchObject({ kind: 'unhcr', operationId: operation.id });
      const mine = (await admin.request('GET', '/api/v1/operations')).body as { items: Array<{ id: string }> };
      expect(mine.items.map((o) => o.id)).toContain(operation.id);
      expect((await admin.request('GET', `/api/v1/operations/${operation.id}/agencies`)).body).toMatchObject({ items: [{ code: 'unhcr-n' }] });
      expect((await supervisor.request('POST', '/api/v1/operations', { code: 'south', name: 'South', firstAgency: { code: 'x', name: 'X', kind: 'ngo' } })).status).toBe(403);
      const agencyScoped = await app.as('administrator', [app.operationId], { scope: 'agency' });
      expect((await agencyScoped.request('POST', '/api/v1/operations', { code: 'east', name: 'East', firstAgency: { code: 'x', name: 'X', kind: 'ngo' } })).status).toBe(403);
      const duplicate = await admin.request('POST', '/api/v1/operations', { code: 'north', name: 'Again', firstAgency: { code: 'x', name: 'X', kind: 'ngo' } });
      expect(duplicate.status).toBe(409);
    });

    it('agencies: administrators add them; codes are unique per operation; others may only read', async () => {
      const created = await admin.request('POST', `/api/v1/operations/${app.operationId}/agencies`, { code: 'gov', name: 'Ministry', kind: 'government' });
      expect(created.status).toBe(201);
      expect((await admin.request('POST', `/api/v1/operations/${app.operationId}/agencies`, { code: 'gov', name: 'Ministry', kind: 'government' })).status).toBe(409);
      expect((await supervisor.request('POST', `/api/v1/operations/${app.operationId}/agencies`, { code: 'ngo2', name: 'NGO', kind: 'ngo' })).status).toBe(403);
      const listed = (await supervisor.request('GET', `/api/v1/operations/${app.operationId}/agencies`)).body as { items: Array<{ code: string }> };
      expect(listed.items.map((a) => a.code)).toEqual(expect.arrayContaining(['gov', 'partner', 'test-agency']));
    });

    it('teams: a supervisor manages their own agency’s teams only, with members of that agency', async () => {
      const created = await supervisor.request('POST', `/api/v1/agencies/${app.agencyId}/teams`, { name: 'Outreach' });
      expect(created.status).toBe(201);
      const team = created.body as { id: string };
      expect((await supervisor.request('POST', `/api/v1/agencies/${app.agencyId}/teams`, { name: 'Outreach' })).status).toBe(409);
      expect((await supervisor.request('POST', `/api/v1/agencies/${otherAgency}/teams`, { name: 'Theirs' })).status).toBe(403);
      const member = await app.as('caseworker', [app.operationId], { scope: 'team' });
      const partner = await app.as('caseworker', [app.operationId], { agencyId: otherAgency });
      const set = await supervisor.request('PUT', `/api/v1/teams/${team.id}/members`, { userIds: [member.userId] });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ memberIds: [member.userId] });
      const stranger = await supervisor.request('PUT', `/api/v1/teams/${team.id}/members`, { userIds: [member.userId, partner.userId] });
      expect(stranger.status).toBe(400);
      expect(problem(stranger.body).errors).toContainEqual(expect.objectContaining({ path: '/userIds/1', code: 'not_in_agency' }));
      const self = await supervisor.request('PUT', `/api/v1/teams/${team.id}/members`, { userIds: [member.userId, supervisor.userId] });
      expect(self.status).toBe(403);
      expect((await supervisor.request('GET', `/api/v1/agencies/${app.agencyId}/teams`)).body).toMatchObject({ items: [{ id: team.id, memberIds: [member.userId] }] });
      const withTeam = await supervisor.request('POST', '/api/v1/users', newUser({ scope: 'team', teamIds: [team.id] }));
      expect(withTeam.body).toMatchObject({ user: { teamIds: [team.id] } });
    });

    it('ids of another operation’s agency, team or user answer 404', async () => {
      const attempts = [
        await admin.request('GET', `/api/v1/operations/${otherOperation}/agencies`),
        await admin.request('POST', `/api/v1/operations/${otherOperation}/agencies`, { code: 'x', name: 'X', kind: 'ngo' }),
        await admin.request('GET', `/api/v1/agencies/${otherOperationAgency}/teams`),
        await admin.request('POST', `/api/v1/agencies/${otherOperationAgency}/teams`, { name: 'X' }),
        await admin.request('PUT', `/api/v1/teams/${otherOperationTeam}/members`, { userIds: [] }),
        await admin.request('PATCH', `/api/v1/users/${otherOperationUser.userId}`, { displayName: 'X' }),
        await admin.request('POST', `/api/v1/users/${otherOperationUser.userId}/disable`),
        await admin.request('POST', `/api/v1/users/${otherOperationUser.userId}/enable`),
      ];
      for (const attempt of attempts) expect(attempt.status).toBe(404);
      expect((await otherOperationUser.request('GET', '/api/v1/persons')).status).toBe(200);
    });
  });

  describe('assigning a person', () => {
    it('moves the person into the assignee’s own-scope view and out of the previous one’s, audited', async () => {
      const first = await app.as('caseworker', [app.operationId], { scope: 'own' });
      const second = await app.as('caseworker', [app.operationId], { scope: 'own' });
      const created = (await supervisor.request('POST', '/api/v1/persons', person)).body as { id: string; version: number };
      const sees = async (client: Client) => {
        const one = await client.request('GET', `/api/v1/persons/${created.id}`);
        const list = (await client.request('GET', '/api/v1/persons')).body as { items: Array<{ id: string }> };
        return one.status === 200 && list.items.some((p) => p.id === created.id);
      };
      expect(await sees(first)).toBe(false);
      const toFirst = await supervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: first.userId, version: created.version });
      expect(toFirst.status).toBe(200);
      expect(toFirst.body).toMatchObject({ id: created.id, version: created.version + 1 });
      const held = await app.database.db.selectFrom('persons').select(['assigned_user_id', 'agency_id']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(held).toEqual({ assigned_user_id: first.userId, agency_id: app.agencyId });
      expect([await sees(first), await sees(second)]).toEqual([true, false]);
      const stale = await supervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: second.userId, version: created.version });
      expect(stale.status).toBe(409);
      const toSecond = await supervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: second.userId, version: created.version + 1 });
      expect(toSecond.status).toBe(200);
      expect([await sees(first), await sees(second)]).toEqual([false, true]);
      const events = await app.database.db.selectFrom('audit_events').select('details').where('action', '=', 'person.assign').where('resource_id', '=', created.id).orderBy('seq').execute();
      expect(events.map((event) => event.details)).toEqual([
        expect.objectContaining({ from: supervisor.userId, to: first.userId }),
        expect.objectContaining({ from: first.userId, to: second.userId }),
      ]);
    });

    it('never crosses agencies, never to a disabled user, and only for people in the assigner’s scope', async () => {
      const created = (await supervisor.request('POST', '/api/v1/persons', person)).body as { id: string; version: number };
      const partner = await app.as('caseworker', [app.operationId], { agencyId: otherAgency });
      const gone = await app.as('caseworker');
      await admin.request('POST', `/api/v1/users/${gone.userId}/disable`);
      for (const assignee of [partner.userId, gone.userId, otherOperationUser.userId, uuidv7()]) {
        const refused = await supervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: assignee, version: created.version });
        expect(refused.status).toBe(400);
        expect(problem(refused.body).errors).toContainEqual(expect.objectContaining({ path: '/assignedUserId', code: 'not_eligible' }));
      }
      const wrongTeam = await supervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, {
        assignedUserId: supervisor.userId,
        teamId: otherOperationTeam,
        version: created.version,
      });
      expect(problem(wrongTeam.body).errors).toContainEqual(expect.objectContaining({ path: '/teamId', code: 'unknown_team' }));
      const partnerSupervisor = await app.as('supervisor', [app.operationId], { agencyId: otherAgency });
      expect((await partnerSupervisor.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: partner.userId, version: 1 })).status).toBe(404);
      expect((await otherOperationUser.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: partner.userId, version: 1 })).status).toBe(403);
      const caseworker = await app.as('caseworker');
      expect((await caseworker.request('PUT', `/api/v1/persons/${created.id}/assignment`, { assignedUserId: caseworker.userId, version: 1 })).status).toBe(403);
    });
  });

  describe('bad input: 400 with field paths, nothing written', () => {
    const SOME = '0190a4e0-0000-7000-8000-000000000000';
    it.each([
      ['POST', '/api/v1/operations', { code: 'ok', name: 'N', firstAgency: { code: 'a', name: 'A', kind: 'ngo' }, extra: 1 }, '/extra', 'unknown_field'],
      ['POST', '/api/v1/operations', { code: 'ok', name: 'N' }, '/firstAgency', 'required'],
      ['POST', '/api/v1/operations', { code: 'ok', name: 'N', firstAgency: { code: 'a', name: 'A', kind: 'church' } }, '/firstAgency/kind', 'not_allowed'],
      ['POST', '/api/v1/operations', { code: 'not ok!', name: 'N', firstAgency: { code: 'a', name: 'A', kind: 'ngo' } }, '/code', 'invalid_format'],
      ['POST', 'AGENCIES', { code: 'a', name: 'A', kind: 'charity' }, '/kind', 'not_allowed'],
      ['POST', 'AGENCIES', { code: 'a', kind: 'ngo' }, '/name', 'required'],
      ['POST', 'AGENCIES', { code: 'a', name: 'A', kind: 'ngo', id: SOME }, '/id', 'unknown_field'],
      ['POST', 'TEAMS', { name: '' }, '/name', 'too_small'],
      ['POST', 'TEAMS', { name: 'T', members: [] }, '/members', 'unknown_field'],
      ['PUT', 'MEMBERS', {}, '/userIds', 'required'],
      ['PUT', 'MEMBERS', { userIds: ['nope'] }, '/userIds/0', 'invalid_format'],
      ['POST', '/api/v1/users', { ...{ email: 'x@example.org', displayName: 'X', role: 'boss', scope: 'own', agencyId: SOME, operationIds: [SOME] } }, '/role', 'not_allowed'],
      ['POST', '/api/v1/users', { email: 'x@example.org', displayName: 'X', role: 'caseworker', scope: 'everything', agencyId: SOME, operationIds: [SOME] }, '/scope', 'not_allowed'],
      ['POST', '/api/v1/users', { email: 'x@example.org', displayName: 'X', role: 'caseworker', scope: 'own', operationIds: [SOME] }, '/agencyId', 'required'],
      ['POST', '/api/v1/users', { email: 'not-an-email', displayName: 'X', role: 'caseworker', scope: 'own', agencyId: SOME, operationIds: [SOME] }, '/email', 'invalid_format'],
      ['POST', '/api/v1/users', { email: 'x@example.org', displayName: 'X', role: 'caseworker', scope: 'own', agencyId: SOME, operationIds: [] }, '/operationIds', 'too_small'],
      ['POST', '/api/v1/users', { email: 'x@example.org', displayName: 'X', role: 'caseworker', scope: 'own', agencyId: SOME, operationIds: [SOME], password: 'x' }, '/password', 'unknown_field'],
      ['PATCH', 'USER', { role: 'king' }, '/role', 'not_allowed'],
      ['PATCH', 'USER', { email: 'x@example.org' }, '/email', 'unknown_field'],
      ['PATCH', 'USER', { teamIds: 'all' }, '/teamIds', 'wrong_type'],
      ['PUT', 'ASSIGN', { assignedUserId: SOME }, '/version', 'required'],
      ['PUT', 'ASSIGN', { version: 1 }, '/assignedUserId', 'required'],
      ['PUT', 'ASSIGN', { assignedUserId: SOME, version: 1, agencyId: SOME }, '/agencyId', 'unknown_field'],
    ])('%s %s refuses %j at %s', async (method, route, body, path, code) => {
      const team = ((await admin.request('GET', `/api/v1/agencies/${app.agencyId}/teams`)).body as { items: Array<{ id: string }> }).items[0]?.id ?? SOME;
      const personId = ((await supervisor.request('GET', '/api/v1/persons')).body as { items: Array<{ id: string }> }).items[0]?.id ?? SOME;
      const paths: Record<string, string> = {
        AGENCIES: `/api/v1/operations/${app.operationId}/agencies`,
        TEAMS: `/api/v1/agencies/${app.agencyId}/teams`,
        MEMBERS: `/api/v1/teams/${team}/members`,
        USER: `/api/v1/users/${supervisor.userId}`,
        ASSIGN: `/api/v1/persons/${personId}/assignment`,
      };
      const before = [...(await snapshot()), await count('persons')];
      const response = await admin.request(method, paths[route] ?? route, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(problem(response.body)).toMatchObject({ code: 'validation_failed' });
      expect(problem(response.body).errors).toContainEqual(expect.objectContaining({ path, code }));
      expect([...(await snapshot()), await count('persons')]).toEqual(before);
    });
  });
});
