import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Page {
  items: Array<{ id: string; action: string; resourceId: string | null; actorId: string | null; operationId: string | null; outcome: string; seq: number }>;
  nextCursor: string | null;
}

const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };

describe.each(databaseTargets())('audit search API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let auditor: Client;
  let personId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    auditor = await app.as('auditor');
    const created = await caseworker.request('POST', '/api/v1/persons', person);
    expect(created.status).toBe(201);
    personId = (created.body as { id: string }).id;
    await caseworker.request('GET', `/api/v1/persons/${personId}`);
    await caseworker.request('PATCH', `/api/v1/persons/${personId}`, { version: 1, givenName: 'Hawwa' });
  });
  afterAll(() => app.close());

  const search = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/v1/audit-events${query}`);
    return { ...response, page: response.body as Page };
  };

  it('shows an auditor the entries of their operation, newest first, with no person data', async () => {
    const { status, page } = await search(auditor, `?resourceId=${personId}`);
    expect(status).toBe(200);
    expect(page.items.map((item) => item.action)).toEqual(['person.update', 'person.view', 'person.create']);
    expect(page.items[0]).toMatchObject({ operationId: app.operationId, resourceId: personId, outcome: 'allowed' });
    expect(JSON.stringify(page)).not.toMatch(/Hawa|Abdi/);
  });

  it('filters by action prefix, actor, resource type, operation and time', async () => {
    const caseworkerId = caseworker.session!.user.id;
    expect((await search(auditor, '?action=person.up')).page.items.map((i) => i.action)).toEqual(['person.update']);
    const byActor = (await search(auditor, `?actorId=${caseworkerId}&resourceType=person`)).page.items;
    expect(byActor.length).toBe(3);
    expect(byActor.every((item) => item.actorId === caseworkerId)).toBe(true);
    expect((await search(auditor, `?operationId=${app.operationId}&action=person.`)).page.items.length).toBe(3);
    expect((await search(auditor, `?resourceId=${personId}&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`)).page.items.length).toBe(3);
    expect((await search(auditor, `?resourceId=${personId}&to=2000-01-01T00:00:00Z`)).page.items).toEqual([]);
  });

  it('includes the sign-ins of people of the operation, which belong to no operation', async () => {
    const { page } = await search(auditor, `?action=session.sign_in&actorId=${caseworker.session!.user.id}`);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]!.operationId).toBeNull();
  });

  it('pages with a cursor, without repeats or gaps', async () => {
    const all = (await search(auditor, `?resourceId=${personId}`)).page.items.map((i) => i.id);
    const first = (await search(auditor, `?resourceId=${personId}&limit=2`)).page;
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 2));
    const second = (await search(auditor, `?resourceId=${personId}&limit=2&cursor=${first.nextCursor}`)).page;
    expect(second.items.map((i) => i.id)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('shows an auditor of another operation nothing of this one, and refuses naming it', async () => {
    const other = uuidv7();
    await app.database.db.insertInto('operations').values({ id: other, code: 'other', name: 'Other' }).execute();
    const outsider = await app.as('auditor', [other]);
    expect((await search(outsider, `?resourceId=${personId}`)).page.items).toEqual([]);
    expect((await search(outsider, `?operationId=${app.operationId}`)).status).toBe(403);
  });

  it.each(['caseworker', 'analyst', 'supervisor'] as const)('refuses a %s with 403, and audits the refusal', async (role) => {
    const user = await app.as(role);
    const response = await search(user);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden' });
    const refusal = await app.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('actor_id', '=', user.session!.user.id)
      .where('action', '=', 'audit.search')
      .executeTakeFirst();
    expect(refusal).toEqual({ action: 'audit.search', outcome: 'refused' });
  });

  it.each([
    ['?actorId=not-a-uuid', '/actorId'],
    ['?resourceId=1', '/resourceId'],
    ['?operationId=x', '/operationId'],
    ['?from=yesterday', '/from'],
    ['?to=2026-13-01T00:00:00Z', '/to'],
    ['?limit=0', '/limit'],
    ['?limit=201', '/limit'],
    ['?cursor=abc', '/cursor'],
    ['?action=PERSON%20READ', '/action'],
    ['?resourceType=person%3B', '/resourceType'],
    ['?colour=red', ''],
  ])('answers %s with a 400 problem naming %s', async (query, path) => {
    const response = await search(auditor, query);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'validation_failed' });
    const errors = (response.body as { errors: Array<{ path: string }> }).errors;
    if (path) expect(errors.map((e) => e.path)).toContain(path);
  });

  const INJECTIONS = [`' or 1=1 --`, `person.'; drop table audit_events; --`, `%`, `_`, `"); select pg_sleep(5); --`, `1 or 1=1`];
  it.each(['actorId', 'action', 'resourceType', 'resourceId', 'operationId', 'from', 'to', 'cursor', 'limit'])(
    'is unmoved by SQL in %s',
    async (field) => {
      for (const attack of INJECTIONS) {
        const response = await search(auditor, `?${field}=${encodeURIComponent(attack)}`);
        // Refused as malformed, or (for a prefix that is plain text) matched literally.
        expect([200, 400]).toContain(response.status);
        if (response.status === 200) expect(response.page.items).toEqual([]);
      }
      const count = await sql<{ n: string }>`select count(*) as n from audit_events`.execute(app.database.db);
      expect(Number(count.rows[0]!.n)).toBeGreaterThan(0);
    },
  );

  it('audits each search, by filter names only', async () => {
    await search(auditor, `?resourceId=${personId}&action=person.`);
    const entry = await app.database.db
      .selectFrom('audit_events')
      .select(['details', 'outcome'])
      .where('actor_id', '=', auditor.session!.user.id)
      .where('action', '=', 'audit.search')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ details: { filters: 'action,resourceId', results: 3 }, outcome: 'allowed' });
  });
});
