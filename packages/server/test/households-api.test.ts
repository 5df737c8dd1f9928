import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const member = (givenName: string, relationshipToHead: string, extra: Record<string, unknown> = {}) => ({
  givenName,
  familyName: 'Haidari',
  sex: 'female',
  birthYear: 1985,
  relationshipToHead,
  ...extra,
});

describe.each(databaseTargets())('households API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  const count = async (table: 'persons' | 'households') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('registers a whole household in one step, head included', async () => {
    const response = await caseworker.request('POST', '/api/v1/households', {
      members: [
        member('Zahra', 'head'),
        member('Ali', 'child', { sex: 'male', birthYear: 2015, careSituation: 'with_parents' }),
        member('Maryam', 'child', { birthYear: 2019 }),
      ],
    });
    expect(response.status).toBe(201);
    const household = response.body as { id: string; headPersonId: string; members: { id: string; givenName: string; householdId: string }[] };
    expect(household.members).toHaveLength(3);
    expect(household.members[0]).toMatchObject({ givenName: 'Zahra', householdId: household.id, relationshipToHead: 'head' });
    expect(household.headPersonId).toBe(household.members[0]!.id);
    const read = await caseworker.request('GET', `/api/v1/households/${household.id}`);
    expect(read.body).toMatchObject({ id: household.id, headPersonId: household.headPersonId });
  });

  it('adds a person to an existing household', async () => {
    const household = (await caseworker.request('POST', '/api/v1/households', { members: [member('Farida', 'head')] })).body as { id: string };
    const added = await caseworker.request('POST', '/api/v1/persons', { ...member('Noor', 'sibling'), householdId: household.id });
    expect(added.status).toBe(201);
    const read = (await caseworker.request('GET', `/api/v1/households/${household.id}`)).body as { members: unknown[] };
    expect(read.members).toHaveLength(2);
    const secondHead = await caseworker.request('POST', '/api/v1/persons', { ...member('Other', 'head'), householdId: household.id });
    expect(secondHead.status).toBe(400);
    expect(secondHead.body).toMatchObject({ errors: [expect.objectContaining({ code: 'household_multiple_heads' })] });
  });

  it.each([
    ['no head', { members: [member('A', 'spouse')] }, '/members', 'household_head_missing'],
    ['two heads', { members: [member('A', 'head'), member('B', 'head')] }, '/members/1/relationshipToHead', 'household_multiple_heads'],
    ['a member born in the future', { members: [member('A', 'head'), member('B', 'child', { birthYear: 2030 })] }, '/members/1/birthYear', 'born_in_future'],
    ['no members', { members: [] }, '/members', 'too_small'],
    ['a member with an unknown field', { members: [member('A', 'head', { nickname: 'x' })] }, '/members/0/nickname', 'unknown_field'],
  ])('refuses a household with %s, writing nothing', async (_label, body, path, code) => {
    const before = [await count('persons'), await count('households')];
    const response = await caseworker.request('POST', '/api/v1/households', body);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect([await count('persons'), await count('households')]).toEqual(before);
  });

  it('changes the head only to a member, and only at the version read', async () => {
    const household = (
      await caseworker.request('POST', '/api/v1/households', { members: [member('Head', 'head'), member('Spouse', 'spouse')] })
    ).body as { id: string; version: number; members: { id: string }[] };
    const outsider = (await caseworker.request('POST', '/api/v1/persons', { givenName: 'X', familyName: 'Y', sex: 'male', birthYear: 1970 })).body as { id: string };
    const wrong = await caseworker.request('PATCH', `/api/v1/households/${household.id}`, { version: 1, headPersonId: outsider.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ errors: [{ path: '/headPersonId', code: 'household_head_not_member' }] });
    const spouse = household.members[1]!.id;
    const changed = await caseworker.request('PATCH', `/api/v1/households/${household.id}`, { version: 1, headPersonId: spouse });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ headPersonId: spouse, version: 2 });
    const members = (changed.body as { members: { id: string; relationshipToHead: string }[] }).members;
    expect(members.find((m) => m.id === spouse)?.relationshipToHead).toBe('head');
    expect(members.filter((m) => m.relationshipToHead === 'head')).toHaveLength(1);
    const stale = await caseworker.request('PATCH', `/api/v1/households/${household.id}`, { version: 1, headPersonId: household.members[0]!.id });
    expect(stale.status).toBe(409);
  });
});
