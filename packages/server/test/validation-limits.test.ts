import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Problem {
  code: string;
  errors: { path: string; code: string; limit?: unknown }[];
}

/** A 400 names the bound that was broken, so the web can say "at most 200 characters". */
describe.each(databaseTargets())('validation problems carry their limits on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  it('a given name over 200 characters and a birth year before 1880: each limit at its field, nothing written', async () => {
    const count = async () => Number((await app.database.pool.query<{ n: string }>('select count(*) as n from persons')).rows[0]!.n);
    const before = await count();
    const refused = await caseworker.request('POST', '/api/v1/persons', { givenName: 'x'.repeat(201), familyName: 'Long', sex: 'female', birthYear: 1850 });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    const problem = refused.body as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: '/givenName', code: 'too_big', limit: { bound: 'maximum', value: 200, of: 'characters', inclusive: true } }));
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: '/birthYear', code: 'too_small', limit: { bound: 'minimum', value: 1880, of: 'value', inclusive: true } }));
    expect(await count()).toBe(before);
  });
});
