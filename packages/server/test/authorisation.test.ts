import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { OPERATIONS } from '../src/http/openapi-document';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const SOME_ID = '0190a4e0-0000-7000-8000-000000000000';
const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };

describe.each(databaseTargets())('authorisation on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let personId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    personId = ((await caseworker.request('POST', '/api/v1/persons', person)).body as { id: string }).id;
  });
  afterAll(() => app.close());

  const protectedRoutes = OPERATIONS.filter((op) => op.auth !== false);

  it.each(protectedRoutes.map((op) => [op.method.toUpperCase(), op.path] as const))(
    '%s %s refuses anyone not signed in with 401',
    async (method, path) => {
      const response = await app.anonymous.request(method, path.replace('{id}', SOME_ID), method === 'GET' || method === 'DELETE' ? undefined : {});
      // Sign-out without a session is harmless and answers 204; everything else is 401.
      if (method === 'DELETE' && path === '/api/v1/sessions/current') return expect(response.status).toBe(204);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated' });
    },
  );

  it.each(['analyst', 'auditor'] as const)('a %s cannot see or change any person', async (role) => {
    const user = await app.as(role);
    const attempts = [
      await user.request('GET', '/api/v1/persons'),
      await user.request('GET', `/api/v1/persons/${personId}`),
      await user.request('POST', '/api/v1/persons', person),
      await user.request('PATCH', `/api/v1/persons/${personId}`, { version: 1, givenName: 'X' }),
      await user.request('POST', '/api/v1/households', { members: [{ ...person, relationshipToHead: 'head' }] }),
      await user.request('GET', `/api/v1/persons/${personId}/screenings`),
      await user.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: {} }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ code: 'forbidden' });
    }
  });

  it('a caseworker of another operation cannot reach this operation’s people, by list or by id', async () => {
    const otherOperation = uuidv7();
    await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'other', name: 'Other' }).execute();
    const outsider = await app.as('caseworker', [otherOperation]);
    expect((await outsider.request('GET', `/api/v1/persons/${personId}`)).status).toBe(404);
    expect((await outsider.request('PATCH', `/api/v1/persons/${personId}`, { version: 1, givenName: 'X' })).status).toBe(404);
    expect((await outsider.request('GET', `/api/v1/persons/${personId}/screenings`)).status).toBe(404);
    expect((await outsider.request('GET', '/api/v1/persons')).body).toMatchObject({ total: 0 });
    expect((await outsider.request('GET', `/api/v1/persons?operationId=${app.operationId}`)).status).toBe(403);
    expect((await outsider.request('POST', '/api/v1/persons', { ...person, operationId: app.operationId })).status).toBe(403);
  });

  it('refuses a wrong password and an unknown email alike, and audits both', async () => {
    const wrong = await app.anonymous.request('POST', '/api/v1/sessions', { email: 'caseworker-1@example.org', password: 'not-it' });
    const unknown = await app.anonymous.request('POST', '/api/v1/sessions', { email: 'nobody@example.org', password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    const failures = await app.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'session.sign_in_failed')
      .execute();
    expect(failures.length).toBe(2);
  });

  it.each([
    [{ email: 'not-an-email', password: 'x' }, '/email', 'invalid_format'],
    [{ email: 'a@example.org' }, '/password', 'required'],
    [{ email: 'a@example.org', password: 'x', remember: true }, '/remember', 'unknown_field'],
  ])('refuses a malformed sign-in %j with a problem at the field', async (body, path, code) => {
    const response = await app.anonymous.request('POST', '/api/v1/sessions', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path, code })] });
  });

  it('ends the session on sign-out', async () => {
    const user = await app.as('caseworker');
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    expect((await user.request('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(401);
  });

  it('serves health and the OpenAPI document without a session, and nothing personal in either', async () => {
    const health = await app.anonymous.request('GET', '/api/v1/health');
    expect(health.body).toMatchObject({ status: 'ok', database: target.name });
    const openapi = await app.anonymous.request('GET', '/api/v1/openapi.json');
    expect(openapi.body).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys((openapi.body as { paths: object }).paths)).toContain('/api/v1/persons/{id}/screenings');
  });
});
