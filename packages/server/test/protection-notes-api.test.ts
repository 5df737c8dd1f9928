import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyIdOf } from '../src/crypto/seal';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

vi.mock('../src/http/app', async (importOriginal) =>
  (await import('./test-key-ring')).withKeyRing(await importOriginal<typeof import('../src/http/app')>()),
);

const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };
const DISCLOSURE = 'Recruited for hotel work; passport held by the recruiter.';
const MISSING = '0190a4e0-0000-7000-8000-000000000000';

interface Note {
  id: string;
  topic: string;
  restricted: boolean;
  body?: string;
  version?: number;
  updatedAt: string;
}

describe.each(databaseTargets())('protection notes on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let caseworker: Client;
  let personId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
    caseworker = await app.as('caseworker');
    // Registered by the supervisor: the caseworker reaches the person (same agency) without being its assigned worker.
    personId = ((await supervisor.request('POST', '/api/v1/persons', person)).body as { id: string }).id;
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const notesPath = () => `/api/v1/persons/${personId}/protection-notes`;

  it('records a note sealed at rest: the database holds ciphertext under the active key, never the text', async () => {
    const created = await supervisor.request('POST', notesPath(), { topic: 'trafficking', body: DISCLOSURE });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ topic: 'trafficking', restricted: false, body: DISCLOSURE, version: 1, personId });
    const { rows } = await app.database.pool.query<{ body_sealed: string; key_id: string }>('select body_sealed, key_id from protection_notes');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body_sealed).not.toContain('passport');
    expect(keyIdOf(rows[0]!.body_sealed)).toBe('k1');
    expect(rows[0]!.key_id).toBe('k1');
    expect(await count(`select count(*) as n from audit_events where action = 'protection_note.create'`)).toBe(1);
    // The audit row names ids and the topic, never the body.
    expect(await count(`select count(*) as n from audit_events where details::text like '%passport%'`)).toBe(0);
  });

  it('shows the body to a cleared reader, audited per note read; an uncleared one sees only that it exists', async () => {
    const views = () => count(`select count(*) as n from audit_events where action = 'protection_note.view'`);
    const before = await views();
    const cleared = await supervisor.request('GET', notesPath());
    expect(cleared.status).toBe(200);
    const [note] = (cleared.body as { items: Note[] }).items;
    expect(note).toMatchObject({ topic: 'trafficking', restricted: false, body: DISCLOSURE });
    expect(await views()).toBe(before + 1);

    const uncleared = await caseworker.request('GET', notesPath());
    expect(uncleared.status).toBe(200);
    expect((uncleared.body as { items: Note[] }).items).toEqual([{ id: note!.id, topic: 'trafficking', restricted: true, updatedAt: note!.updatedAt }]);
    expect(JSON.stringify(uncleared.body)).not.toContain('passport');
    expect(await views()).toBe(before + 1);
  });

  it('follows topic clearance: a protection officer reads trafficking, a child-protection officer does not', async () => {
    const protection = await app.as('protection_officer');
    const childProtection = await app.as('child_protection_officer');
    const byProtection = ((await protection.request('GET', notesPath())).body as { items: Note[] }).items;
    expect(byProtection[0]).toMatchObject({ topic: 'trafficking', restricted: false, body: DISCLOSURE });
    const byChildProtection = ((await childProtection.request('GET', notesPath())).body as { items: Note[] }).items;
    expect(byChildProtection[0]).toMatchObject({ topic: 'trafficking', restricted: true });
    expect(byChildProtection[0]).not.toHaveProperty('body');
  });

  it('lets a caseworker record a disclosure they then cannot read back, or edit', async () => {
    const created = await caseworker.request('POST', notesPath(), { topic: 'sgbv', body: 'Disclosed to the caseworker at intake.' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), topic: 'sgbv', restricted: true, updatedAt: expect.any(String) });
    const edit = await caseworker.request('PATCH', `/api/v1/protection-notes/${(created.body as Note).id}`, { version: 1, body: 'x' });
    expect(edit.status).toBe(403);
  });

  it('changes a body at the version read, and refuses a stale version with 409', async () => {
    const created = (await supervisor.request('POST', notesPath(), { topic: 'health', body: 'First account.' })).body as Note;
    const path = `/api/v1/protection-notes/${created.id}`;
    const changed = await supervisor.request('PATCH', path, { version: 1, body: 'Second account.' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: created.id, body: 'Second account.', version: 2 });
    const stale = await supervisor.request('PATCH', path, { version: 1, body: 'Lost update.' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict' });
    const read = ((await supervisor.request('GET', notesPath())).body as { items: Note[] }).items.find((n) => n.id === created.id);
    expect(read).toMatchObject({ body: 'Second account.', version: 2 });
  });

  it.each([
    [{ topic: 'finances', body: 'x' }, '/topic', 'not_allowed'],
    [{ topic: 'health' }, '/body', 'required'],
    [{ topic: 'health', body: '   ' }, '/body', 'too_small'],
    [{ topic: 'health', body: 'x'.repeat(20_001) }, '/body', 'too_big'],
    [{ topic: 'health', body: 'x', extra: 1 }, '/extra', 'unknown_field'],
  ])('refuses %j with a problem at its field and writes nothing', async (body, path, code) => {
    const before = await count('select count(*) as n from protection_notes');
    const response = await supervisor.request('POST', notesPath(), body);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path, code })] });
    expect(await count('select count(*) as n from protection_notes')).toBe(before);
  });

  it('refuses a bad PATCH with a field problem and changes nothing', async () => {
    const [note] = ((await supervisor.request('GET', notesPath())).body as { items: Note[] }).items;
    const response = await supervisor.request('PATCH', `/api/v1/protection-notes/${note!.id}`, { body: 'no version' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [expect.objectContaining({ path: '/version', code: 'required' })] });
    const after = ((await supervisor.request('GET', notesPath())).body as { items: Note[] }).items[0];
    expect(after).toMatchObject({ body: note!.body, version: note!.version });
  });

  it('answers 404 for a person or note it cannot reach, 403 for a role that never reads a person', async () => {
    expect((await supervisor.request('GET', `/api/v1/persons/${MISSING}/protection-notes`)).status).toBe(404);
    expect((await supervisor.request('POST', `/api/v1/persons/${MISSING}/protection-notes`, { topic: 'health', body: 'x' })).status).toBe(404);
    expect((await supervisor.request('PATCH', `/api/v1/protection-notes/${MISSING}`, { version: 1, body: 'x' })).status).toBe(404);
    const analyst = await app.as('analyst');
    expect((await analyst.request('GET', notesPath())).status).toBe(403);
    expect((await analyst.request('POST', notesPath(), { topic: 'health', body: 'x' })).status).toBe(403);
  });

  it('refuses to show a ciphertext copied from another note (bound to its row), and does not audit a view', async () => {
    const a = (await supervisor.request('POST', notesPath(), { topic: 'child_protection', body: 'Note A.' })).body as Note;
    const b = (await supervisor.request('POST', notesPath(), { topic: 'child_protection', body: 'Note B.' })).body as Note;
    await app.database.pool.query(
      'update protection_notes set body_sealed = (select body_sealed from protection_notes where id = $1) where id = $2',
      [a.id, b.id],
    );
    const views = await count(`select count(*) as n from audit_events where action = 'protection_note.view'`);
    const read = await supervisor.request('GET', notesPath());
    expect(read.status).toBe(500);
    expect(read.body).toMatchObject({ code: 'sealed_value_unreadable' });
    expect(JSON.stringify(read.body)).not.toContain('Note A');
    expect(await count(`select count(*) as n from audit_events where action = 'protection_note.view'`)).toBe(views);
    await app.database.pool.query('delete from protection_notes where id = any($1)', [[a.id, b.id]]);
  });
});
