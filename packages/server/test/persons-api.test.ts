import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const minimal = { givenName: 'Amina', familyName: 'Yusuf', sex: 'female', birthYear: 1994 };

describe.each(databaseTargets())('persons API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  const count = async (table: 'persons' | 'households' | 'audit_events') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('registers a minimal person and reads it back, audited', async () => {
    const before = await count('audit_events');
    const created = await caseworker.request('POST', '/api/v1/persons', minimal);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...minimal, version: 1, age: 32, ageBracket: '18-59', riskLevel: null, operationId: app.operationId });
    const id = (created.body as { id: string }).id;
    const read = await caseworker.request('GET', `/api/v1/persons/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(await count('audit_events')).toBe(before + 2);
  });

  it('accepts a full registration with a date of birth in place of the birth year', async () => {
    const full = {
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      otherNames: ['Muhammad Alhasan'],
      originalScriptName: 'محمد الحسن',
      sex: 'male',
      dateOfBirth: '2010-03-04',
      nationality: 'SYR',
      languages: ['ar'],
      setting: 'urban',
      adminAreaCode: 'LB11',
      legalStatus: 'unregistered',
      documents: ['birth_certificate'],
      arrivalDate: '2016-01-10',
      careSituation: 'separated',
    };
    const created = await caseworker.request('POST', '/api/v1/persons', full);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...full, birthYear: 2010, age: 16, ageBracket: '12-17' });
  });

  it.each([
    ['wrong type', { ...minimal, birthYear: 'nineteen' }, '/birthYear', 'wrong_type'],
    ['unknown field', { ...minimal, favouriteColour: 'blue' }, '/favouriteColour', 'unknown_field'],
    ['missing name', { familyName: 'X', sex: 'male', birthYear: 1990 }, '/givenName', 'required'],
    ['unknown sex', { ...minimal, sex: 'f' }, '/sex', 'not_allowed'],
    ['impossible date', { ...minimal, birthYear: null, dateOfBirth: '2023-02-30' }, '/dateOfBirth', 'invalid_format'],
    ['born in the future', { ...minimal, birthYear: null, dateOfBirth: '2027-01-01' }, '/dateOfBirth', 'born_in_future'],
    ['arrival before birth', { ...minimal, arrivalDate: '1990-05-01' }, '/arrivalDate', 'arrival_before_birth'],
    ['no birth at all', { givenName: 'A', familyName: 'B', sex: 'male' }, '/birthYear', 'birth_required'],
    ['care situation for an adult', { ...minimal, careSituation: 'separated' }, '/careSituation', 'care_situation_for_adult'],
    ['relationship without household', { ...minimal, relationshipToHead: 'spouse' }, '/relationshipToHead', 'household_required'],
    ['unknown household', { ...minimal, householdId: '0190a4e0-0000-7000-8000-000000000000', relationshipToHead: 'spouse' }, '/householdId', 'unknown_household'],
    ['unknown site', { ...minimal, siteId: '0190a4e0-0000-7000-8000-000000000000' }, '/siteId', 'unknown_site'],
  ])('refuses %s with a problem at the field, writing nothing', async (_label, body, path, code) => {
    const before = [await count('persons'), await count('audit_events')];
    const response = await caseworker.request('POST', '/api/v1/persons', body);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'validation_failed', status: 400 });
    expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect([await count('persons'), await count('audit_events')]).toEqual(before);
  });

  it('refuses malformed JSON and non-JSON bodies with problems', async () => {
    const broken = await caseworker.request('POST', '/api/v1/persons', '{"givenName": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'invalid_json' });
    const form = await caseworker.request('POST', '/api/v1/persons', 'givenName=A', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('updates with the version read, and refuses a stale version with 409', async () => {
    const created = (await caseworker.request('POST', '/api/v1/persons', minimal)).body as { id: string; version: number };
    const first = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, { version: 1, legalStatus: 'asylum_seeker' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, legalStatus: 'asylum_seeker' });
    const stale = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, { version: 1, legalStatus: 'stateless' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict' });
    const read = await caseworker.request('GET', `/api/v1/persons/${created.id}`);
    expect(read.body).toMatchObject({ version: 2, legalStatus: 'asylum_seeker' });
  });

  it('refuses an update that would make the dates impossible', async () => {
    const created = (await caseworker.request('POST', '/api/v1/persons', minimal)).body as { id: string };
    const response = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, { version: 1, arrivalDate: '1980-01-01' });
    expect(response.status).toBe(400);
    expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: '/arrivalDate', code: 'arrival_before_birth' }));
    expect((await caseworker.request('GET', `/api/v1/persons/${created.id}`)).body).toMatchObject({ version: 1, arrivalDate: null });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await caseworker.request('GET', '/api/v1/persons/0190a4e0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await caseworker.request('GET', '/api/v1/persons/not-a-uuid')).status).toBe(404);
  });
});
