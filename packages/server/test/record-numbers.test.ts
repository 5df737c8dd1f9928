import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { seedPopulation } from '../src/use-cases/population/seed-population';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const YEAR = new Date().getUTCFullYear();
const sequence = (number: string) => Number(number.split('-').at(-1));

/** Issue 13 §2: numbers a person can say aloud (migration 0045). */
describe.each(databaseTargets())('record numbers on $name PostgreSQL', (target) => {
  let app: TestApp;
  let worker: Client;
  beforeAll(async () => {
    app = await startTestApp(target);
    worker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  const register = async (givenName: string) => {
    const response = await worker.request('POST', '/api/v1/persons', { givenName, familyName: 'Numbered', sex: 'female', birthYear: 1990 });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; registrationNumber: string };
  };

  it('numbers persons, households and cases per operation, kind and year, in the operation code', async () => {
    const person = await register('First');
    expect(person.registrationNumber).toMatch(new RegExp(`^TEST-P-${YEAR}-\\d{6}$`));
    const household = await worker.request('POST', '/api/v1/households', {
      members: [
        { givenName: 'Head', familyName: 'Home', sex: 'male', birthYear: 1980, relationshipToHead: 'head' },
        { givenName: 'Child', familyName: 'Home', sex: 'female', birthYear: 2015, relationshipToHead: 'child' },
      ],
    });
    expect(household.status, JSON.stringify(household.body)).toBe(201);
    const made = household.body as { householdNumber: string; members: Array<{ registrationNumber: string }> };
    expect(made.householdNumber).toMatch(new RegExp(`^TEST-H-${YEAR}-\\d{6}$`));
    const memberNumbers = made.members.map((m) => sequence(m.registrationNumber)).sort((a, b) => a - b);
    expect(memberNumbers[0]).toBeGreaterThan(sequence(person.registrationNumber));
    await giveConsent(worker, person.id);
    const opened = await worker.request('POST', '/api/v1/cases', { personId: person.id });
    expect(opened.status).toBe(201);
    expect((opened.body as { caseNumber: string }).caseNumber).toMatch(new RegExp(`^TEST-C-${YEAR}-\\d{6}$`));
    const read = await worker.request('GET', `/api/v1/persons/${person.id}`);
    expect((read.body as { registrationNumber: string }).registrationNumber).toBe(person.registrationNumber);
  });

  it('gives concurrent registrations distinct numbers, with no gap between them', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => register(`Parallel${i}`)));
    const numbers = made.map((p) => sequence(p.registrationNumber)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });

  it('a second writer waits for the first one\'s counter and takes the next number; a rollback gives its number back', async () => {
    const first = await app.database.pool.connect();
    const second = await app.database.pool.connect();
    try {
      const insert = (name: string) =>
        `insert into persons (operation_id, id, given_name, family_name, sex, birth_year, agency_id)
         values ('${app.operationId}', '${uuidv7()}', '${name}', 'Race', 'male', 1970, '${app.agencyId}') returning registration_number`;
      await first.query('begin');
      const a = (await first.query<{ registration_number: string }>(insert('A'))).rows[0]!.registration_number;
      await second.query('begin');
      const waiting = second.query<{ registration_number: string }>(insert('B'));
      await first.query('rollback');
      const b = (await waiting).rows[0]!.registration_number;
      await second.query('commit');
      expect(b).toBe(a);
    } finally {
      first.release();
      second.release();
    }
  });

  it('never gives a number again, after deletion or erasure; a number cannot be changed', async () => {
    const doomed = await register('Doomed');
    await sql`delete from consents where person_id = ${doomed.id}::uuid`.execute(app.database.db);
    await sql`delete from persons where operation_id = ${app.operationId}::uuid and id = ${doomed.id}::uuid`.execute(app.database.db);
    const after = await register('After');
    expect(sequence(after.registrationNumber)).toBeGreaterThan(sequence(doomed.registrationNumber));
    const change = sql`update persons set registration_number = ${doomed.registrationNumber} where operation_id = ${app.operationId}::uuid and id = ${after.id}::uuid`.execute(app.database.db);
    await expect(change).rejects.toThrow(/cannot change/);
  });

  it('finds a person by registration number and a household\'s members by its number, typed loosely', async () => {
    const person = await register('Searchable');
    const found = await worker.request('GET', `/api/v1/persons?name=${encodeURIComponent(` ${person.registrationNumber.toLowerCase()} `)}`);
    expect(found.status).toBe(200);
    expect((found.body as { items: Array<{ id: string }> }).items.map((p) => p.id)).toEqual([person.id]);
    const household = (await worker.request('POST', '/api/v1/households', {
      members: [{ givenName: 'Lone', familyName: 'Head', sex: 'male', birthYear: 1980, relationshipToHead: 'head' }],
    })).body as { householdNumber: string; members: Array<{ id: string }> };
    const members = await worker.request('GET', `/api/v1/persons?name=${household.householdNumber}`);
    expect((members.body as { items: Array<{ id: string }> }).items.map((p) => p.id)).toEqual(household.members.map((m) => m.id));
  });

  it('looks a case up by its number in scope only; a malformed number is a 400 at the field', async () => {
    const person = await register('Cased');
    await giveConsent(worker, person.id);
    const opened = (await worker.request('POST', '/api/v1/cases', { personId: person.id })).body as { id: string; caseNumber: string };
    const found = await worker.request('GET', `/api/v1/cases/lookup?number=${opened.caseNumber}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ id: opened.id, caseNumber: opened.caseNumber });
    const outsider = await app.as('caseworker', undefined, { agencyId: await app.createAgency() });
    expect((await outsider.request('GET', `/api/v1/cases/lookup?number=${opened.caseNumber}`)).status).toBe(404);
    const unknown = opened.caseNumber.replace(/\d{6}$/, '999999');
    expect((await worker.request('GET', `/api/v1/cases/lookup?number=${unknown}`)).status).toBe(404);
    for (const bad of ['nope', `TEST-X-${YEAR}-000001`, '', `TEST-C-${YEAR}-1`]) {
      const refused = await worker.request('GET', `/api/v1/cases/lookup?number=${encodeURIComponent(bad)}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect((refused.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain('/number');
    }
  });

  it('the bulk loader numbers its own rows, in one block per batch, continuing the counters', async () => {
    await seedPopulation(app.database, {
      persons: 300,
      seed: 3,
      today: new Date(Date.UTC(2026, 10, 20)),
      screen: false,
      keyRing: { active: 'k', keys: new Map([['k', generateKey()]]) },
    });
    const { rows } = await sql<{ code: string; persons: number; numbered: number; distinct_numbers: number; top: number; counter: number }>`
      select o.code, count(*)::int as persons, count(p.registration_number)::int as numbered,
             count(distinct p.registration_number)::int as distinct_numbers,
             max(substring(p.registration_number from '([0-9]+)$')::int)::int as top,
             (select last_number from record_number_counters c where c.operation_id = o.id and c.kind = 'P' and c.year = ${YEAR})::int as counter
        from persons p join operations o on o.id = p.operation_id
       where o.code <> 'test' group by o.id, o.code`.execute(app.database.db);
    expect(rows.length, JSON.stringify(rows)).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.numbered).toBe(row.persons);
      expect(row.distinct_numbers).toBe(row.persons);
      expect(row.top).toBe(row.counter);
    }
    const households = await sql<{ unnumbered: number }>`select count(*)::int as unnumbered from households where household_number !~ '-H-'`.execute(app.database.db);
    expect(households.rows[0]!.unnumbered).toBe(0);
  });
});
