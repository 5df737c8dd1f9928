import { PersonListQuerySchema } from '@waymark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/http/openapi-document';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const INJECTIONS = [
  "' or '1'='1",
  "'; drop table persons; --",
  '1) or (1=1',
  "x' union select password_hash from users --",
  '%',
  '_',
  '\\',
  "O'Brien",
  '\u0000',
];

const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')"];

/**
 * What an attacker types: SQL in every list filter, HTML in every stored text field,
 * bodies far past the limit. Nothing breaks, nothing leaks, nothing is half-written.
 */
describe.each(databaseTargets())('hostile input on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let personId: string;
  const count = async (table: 'persons' | 'screenings' | 'protection_notes' | 'households') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    supervisor = await app.as('supervisor');
    personId = ((await supervisor.request('POST', '/api/v1/persons', { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 })).body as { id: string }).id;
  });
  afterAll(() => app.close());

  it.each(Object.keys(PersonListQuerySchema.shape))('SQL in the person-list filter %s is refused or matched literally, never run', async (filter) => {
    const before = await count('persons');
    for (const value of INJECTIONS) {
      const response = await supervisor.request('GET', `/api/v1/persons?${filter}=${encodeURIComponent(value)}`);
      expect([200, 400], `${filter}=${value}`).toContain(response.status);
      expect(response.contentType).toContain(response.status === 200 ? 'application/json' : 'application/problem+json');
      // A literal match on a name that is not there finds nobody; nothing else is returned.
      if (response.status === 200) expect((response.body as { items: { givenName: string }[] }).items.every((item) => item.givenName === 'Hawa')).toBe(true);
    }
    expect(await count('persons')).toBe(before);
  });

  it('SQL in the audit and user filters is refused at the field, never run', async () => {
    const auditor = await app.as('auditor');
    const administrator = await app.as('administrator');
    for (const value of INJECTIONS) {
      for (const filter of ['action', 'resourceType', 'actorId', 'resourceId', 'from', 'cursor']) {
        const response = await auditor.request('GET', `/api/v1/audit-events?${filter}=${encodeURIComponent(value)}`);
        expect([200, 400], `${filter}=${value}`).toContain(response.status);
      }
      expect([200, 400]).toContain((await administrator.request('GET', `/api/v1/users?limit=${encodeURIComponent(value)}`)).status);
    }
    expect(await count('persons')).toBeGreaterThan(0);
  });

  it('stores HTML in every text field as typed and returns it as JSON text, to be shown inert', async () => {
    for (const payload of XSS) {
      const created = await supervisor.request('POST', '/api/v1/persons', {
        givenName: payload,
        familyName: payload,
        otherNames: [payload],
        originalScriptName: payload,
        sex: 'male',
        birthYear: 1990,
      });
      expect(created.status).toBe(201);
      expect(created.contentType).toContain('application/json');
      expect(created.body).toMatchObject({ givenName: payload, familyName: payload, otherNames: [payload], originalScriptName: payload });
      const id = (created.body as { id: string }).id;
      await giveConsent(supervisor, id);
      const note = await supervisor.request('POST', `/api/v1/persons/${id}/protection-notes`, { topic: 'health', body: payload });
      expect(note.status).toBe(201);
      const notes = (await supervisor.request('GET', `/api/v1/persons/${id}/protection-notes`)).body as { items: { body?: string }[] };
      expect(notes.items[0]!.body).toBe(payload);
    }
  });

  it('refuses a body over the limit with 413 on every write route, writing nothing', async () => {
    const huge = JSON.stringify({ givenName: 'x'.repeat(1_100_000), familyName: 'Y', sex: 'female', birthYear: 1990 });
    // Boundary files have a route limit of their own (16 MiB): past it, the same 413.
    const hugeFor = (path: string) => (path.endsWith('/boundaries') ? JSON.stringify({ level: 1, codeProperty: 'x'.repeat(17_000_000) }) : huge);
    const before = await Promise.all([count('persons'), count('households'), count('screenings'), count('protection_notes')]);
    const writes = OPERATIONS.filter((op) => op.method !== 'get' && op.method !== 'delete');
    for (const op of writes) {
      const path = op.path.replace('{id}', op.path.startsWith('/api/v1/persons/') ? personId : '0190a4e0-0000-7000-8000-000000000000');
      const response = await supervisor.request(op.method.toUpperCase(), path, hugeFor(op.path));
      expect(response.status, `${op.method} ${op.path}`).toBe(413);
      expect(response.body).toMatchObject({ code: 'payload_too_large' });
    }
    expect(await Promise.all([count('persons'), count('households'), count('screenings'), count('protection_notes')])).toEqual(before);
  });

  it('refuses a protection note past its length at the field, and a note stays whole or absent', async () => {
    const before = await count('protection_notes');
    const response = await supervisor.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'sgbv', body: 'x'.repeat(20_001) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [expect.objectContaining({ path: '/body' })] });
    expect(await count('protection_notes')).toBe(before);
  });
});
