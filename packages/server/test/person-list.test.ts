import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

type Listed = { items: { givenName: string }[]; total: number };

describe.each(databaseTargets())('person list filters on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  const names = async (query: string) => {
    const response = await caseworker.request('GET', `/api/v1/persons?${query}`);
    expect(response.status).toBe(200);
    const body = response.body as Listed;
    return { names: body.items.map((p) => p.givenName).sort(), total: body.total };
  };

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
    const people = [
      { givenName: 'Baby', familyName: 'A', sex: 'female', birthYear: 2024, setting: 'camp', legalStatus: 'registered_refugee' },
      { givenName: 'Child', familyName: 'B', sex: 'male', dateOfBirth: '2016-06-16', setting: 'urban', legalStatus: 'unregistered' },
      { givenName: 'Teen', familyName: 'C', sex: 'female', dateOfBirth: '2009-01-01', setting: 'urban', legalStatus: 'asylum_seeker' },
      { givenName: 'Adult', familyName: 'D', sex: 'male', birthYear: 1990, setting: 'settlement', legalStatus: 'stateless' },
      { givenName: 'Elder', familyName: 'E', sex: 'female', birthYear: 1950, setting: 'camp', legalStatus: 'registered_refugee' },
      { givenName: 'Muhammad', familyName: 'Rahimi', otherNames: ['Mohammed Rahimi'], sex: 'male', birthYear: 1980, setting: 'transit' },
    ];
    for (const person of people) expect((await caseworker.request('POST', '/api/v1/persons', person)).status).toBe(201);
  });
  afterAll(() => app.close());

  it('filters by age bracket on exact dates and birth years', async () => {
    expect(await names('ageBracket=0-4')).toEqual({ names: ['Baby'], total: 1 });
    // Born 2016-06-16: still 9 on 2026-06-15, so 5–11.
    expect(await names('ageBracket=5-11')).toEqual({ names: ['Child'], total: 1 });
    expect(await names('ageBracket=12-17,60%2B')).toEqual({ names: ['Elder', 'Teen'], total: 2 });
  });

  it('filters by sex, setting and legal status, combined', async () => {
    expect((await names('sex=female')).total).toBe(3);
    expect(await names('setting=urban&sex=female')).toEqual({ names: ['Teen'], total: 1 });
    expect(await names('legalStatus=registered_refugee,stateless')).toMatchObject({ total: 3 });
  });

  it('finds names by substring and by transliteration variant', async () => {
    expect((await names('name=rahimi')).names).toEqual(['Muhammad']);
    expect((await names('name=Mohamed')).names).toEqual(['Muhammad']);
  });

  it('pages with a stable total', async () => {
    const first = await caseworker.request('GET', '/api/v1/persons?limit=2&offset=0&sort=name');
    const second = await caseworker.request('GET', '/api/v1/persons?limit=2&offset=2&sort=name');
    expect((first.body as Listed).total).toBe(6);
    const all = [...(first.body as Listed).items, ...(second.body as Listed).items].map((p) => p.givenName);
    expect(new Set(all).size).toBe(4);
  });

  it('lists unscreened people and filters by risk level', async () => {
    expect((await names('unscreened=true')).total).toBe(6);
    expect((await names('riskLevel=high,critical')).total).toBe(0);
  });

  it.each([
    ['ageBracket=3-9', '/ageBracket/0'],
    ['limit=5000', '/limit'],
    ['riskLevel=severe', '/riskLevel/0'],
    ['colour=blue', '/colour'],
  ])('refuses a bad filter %s with a problem at the parameter', async (query, path) => {
    const response = await caseworker.request('GET', `/api/v1/persons?${query}`);
    expect(response.status).toBe(400);
    expect((response.body as { errors: { path: string }[] }).errors[0]!.path).toBe(path);
  });

  it('counts exactly up to 10,000 matches and says "at least" beyond', async () => {
    expect((await caseworker.request('GET', '/api/v1/persons?limit=1')).body).toMatchObject({ total: 6, totalIsExact: true });
    await app.database.pool.query(
      `insert into persons (operation_id, agency_id, id, given_name, family_name, sex, birth_year)
       select $1, $2, gen_random_uuid(), 'Synthetic', 'Person ' || n, 'unknown', 1990 from generate_series(1, 10000) as n`,
      [app.operationId, app.agencyId],
    );
    expect((await caseworker.request('GET', '/api/v1/persons?limit=1')).body).toMatchObject({ total: 10000, totalIsExact: false });
    expect((await caseworker.request('GET', '/api/v1/persons?limit=1&sex=female')).body).toMatchObject({ total: 3, totalIsExact: true });
  });
});
