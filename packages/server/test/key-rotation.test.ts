import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { openInformant } from '../src/use-cases/labour/informant-sealing';
import { openTotpSecret, sealTotpSecret } from '../src/use-cases/sessions/totp-secret';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { ringOf, testKeys } from './test-key-ring';

vi.mock('../src/http/app', async (importOriginal) =>
  (await import('./test-key-ring')).withKeyRing(await importOriginal<typeof import('../src/http/app')>()),
);

const NOTES = 30;

describe.each(databaseTargets())('waymark keys rotate on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let personId: string;
  const k1 = generateKey();
  const k2 = generateKey();
  beforeAll(async () => {
    testKeys.ring = ringOf('k1', { k1 });
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
    personId = ((await supervisor.request('POST', '/api/v1/persons', { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 })).body as { id: string }).id;
    for (let i = 0; i < NOTES; i++) {
      const created = await supervisor.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'trafficking', body: `Note ${i}` });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => app.close());

  const keyCounts = async () =>
    Object.fromEntries(
      (await app.database.pool.query<{ key_id: string; n: number }>('select key_id, count(*)::int as n from protection_notes group by key_id')).rows.map(
        (row) => [row.key_id, row.n],
      ),
    );
  const bodies = async () => {
    const response = await supervisor.request('GET', `/api/v1/persons/${personId}/protection-notes`);
    expect(response.status).toBe(200);
    return (response.body as { items: Array<{ body: string }> }).items.map((note) => note.body);
  };

  it('re-seals everything under the new active key in batches, resumably, while the server keeps answering', async () => {
    expect(await keyCounts()).toEqual({ k1: NOTES });
    // The server restarts with k2 active and k1 still in the ring.
    testKeys.ring = ringOf('k2', { k1, k2 });

    // Stopped after its first batch (the operator pressed Ctrl-C): what was done stays done.
    await expect(
      rotateKeys(app.database.db, testKeys.ring, {
        batchSize: 7,
        onProgress: (done) => {
          if (done >= 7) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await keyCounts()).toEqual({ k1: NOTES - 7, k2: 7 });

    // Resumed while requests keep arriving, and while an edit holds one note's row lock.
    const held = await app.database.pool.connect();
    await held.query('begin');
    await held.query(`select 1 from protection_notes where key_id = 'k1' limit 1 for update`);
    setTimeout(() => void held.query('commit').finally(() => held.release()), 300);
    let answered = 0;
    let rotating = true;
    const traffic = (async () => {
      while (rotating) {
        const response = await supervisor.request('GET', `/api/v1/persons/${personId}/protection-notes`);
        expect(response.status).toBe(200);
        answered++;
      }
    })();
    const summary = await rotateKeys(app.database.db, testKeys.ring, { batchSize: 5 });
    rotating = false;
    await traffic;

    expect(summary).toMatchObject({ activeKeyId: 'k2', resealed: NOTES - 7, alreadyCurrent: 7, unknownKey: 0, tampered: 0, remainingByKey: { k2: NOTES } });
    expect(answered).toBeGreaterThan(0);
    expect(await keyCounts()).toEqual({ k2: NOTES });
    const audits = await app.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'keys.rotate_batch'`);
    expect(audits.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('leaves notes that still open once k1 is removed from the ring, unchanged in version', async () => {
    testKeys.ring = ringOf('k2', { k2 });
    expect((await bodies()).sort()).toEqual(Array.from({ length: NOTES }, (_, i) => `Note ${i}`).sort());
    const versions = await app.database.pool.query<{ n: number }>('select count(*)::int as n from protection_notes where version <> 1');
    expect(versions.rows[0]!.n).toBe(0);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = (await app.database.pool.query<{ body_sealed: string }>('select body_sealed from protection_notes order by id')).rows;
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary).toMatchObject({ resealed: 0, alreadyCurrent: NOTES });
    expect((await app.database.pool.query<{ body_sealed: string }>('select body_sealed from protection_notes order by id')).rows).toEqual(before);
  });

  it('reports, and leaves alone, a value whose key is missing from the ring', async () => {
    const lost = generateKey();
    testKeys.ring = ringOf('k0', { k0: lost });
    await supervisor.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'health', body: 'Under a lost key.' });
    testKeys.ring = ringOf('k2', { k2 });
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary).toMatchObject({ resealed: 0, unknownKey: 1, remainingByKey: { k0: 1, k2: NOTES } });
    const read = await supervisor.request('GET', `/api/v1/persons/${personId}/protection-notes`);
    expect(read.status).toBe(503);
    expect(read.body).toMatchObject({ code: 'encryption_unavailable' });
  });

  it('re-seals second-factor secrets too, so retiring a key never locks out an enrolled user', async () => {
    const k3 = generateKey();
    const userId = supervisor.userId!;
    const sealed = sealTotpSecret(ringOf('k2', { k2 }), userId, 'JBSWY3DPEHPK3PXP');
    expect(sealed.ok).toBe(true);
    await app.database.db.updateTable('users').set({ totp_secret_sealed: sealed.ok ? sealed.value : null }).where('id', '=', userId).execute();
    testKeys.ring = ringOf('k3', { k2, k3 });
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary.secondFactors).toEqual({ resealed: 1, unopenable: 0 });
    const row = await app.database.db.selectFrom('users').select('totp_secret_sealed').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).toMatch(/^v1:k3:/);
    expect(openTotpSecret(ringOf('k3', { k3 }), userId, row.totp_secret_sealed!)).toEqual({ ok: true, value: 'JBSWY3DPEHPK3PXP' });
  });
});

describe.each(databaseTargets())('keys rotate covers every sealed column, and proves what may be removed, on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let caseworker: Client;
  const k1 = generateKey();
  const k2 = generateKey();
  beforeAll(async () => {
    testKeys.ring = ringOf('k1', { k1 });
    app = await startTestApp(target);
    supervisor = await app.as('supervisor');
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  const recorded = async () => (await app.database.pool.query<{ key_id: string }>('select key_id from sealed_key_ids order by key_id')).rows.map((row) => row.key_id);

  it('re-seals workplace informant names, which it used to leave under the old key', async () => {
    const workplace = await caseworker.request('POST', '/api/v1/workplaces', { name: 'Litani greenhouses', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'LB11' });
    expect(workplace.status, JSON.stringify(workplace.body)).toBe(201);
    const workplaceId = (workplace.body as { id: string }).id;
    const report = await caseworker.request('POST', `/api/v1/workplaces/${workplaceId}/reports`, {
      sourceType: 'community_informant',
      reportedOn: '2026-06-01',
      informantName: 'Samir the foreman',
      indicators: ['excessive_overtime'],
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(await recorded()).toEqual(['k1']);

    testKeys.ring = ringOf('k2', { k1, k2 });
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary.columns['workplace_reports.informant_name_sealed']).toMatchObject({ resealed: 1, unknownKey: 0, tampered: 0, skipped: 0, valuesByKey: { k2: 1 } });
    const row = await app.database.db.selectFrom('workplace_reports').select(['operation_id', 'id', 'workplace_id', 'informant_name_sealed', 'informant_key_id']).executeTakeFirstOrThrow();
    expect(row.informant_key_id).toBe('k2');
    expect(openInformant(ringOf('k2', { k2 }), row as Parameters<typeof openInformant>[1])).toBe('Samir the foreman');
    expect(summary).toMatchObject({ complete: true, removableKeyIds: ['k1'], keysInUse: ['k2'] });
    // The check of every value let k1 go: a start without k1 is allowed now.
    expect(await recorded()).toEqual(['k2']);
  });

  it('comes back for a second-factor secret whose row a sign-in holds, instead of skipping it in silence', async () => {
    const k3 = generateKey();
    const userId = supervisor.userId!;
    const sealed = sealTotpSecret(ringOf('k2', { k2 }), userId, 'JBSWY3DPEHPK3PXP');
    await app.database.db.updateTable('users').set({ totp_secret_sealed: sealed.ok ? sealed.value : null }).where('id', '=', userId).execute();
    testKeys.ring = ringOf('k3', { k2, k3 });
    const held = await app.database.pool.connect();
    await held.query('begin');
    await held.query('select 1 from users where id = $1 for update', [userId]);
    setTimeout(() => void held.query('commit').finally(() => held.release()), 400);
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary.columns['users.totp_secret_sealed']).toMatchObject({ resealed: 1, skipped: 0 });
    const row = await app.database.db.selectFrom('users').select('totp_secret_sealed').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(openTotpSecret(ringOf('k3', { k3 }), userId, row.totp_secret_sealed!)).toEqual({ ok: true, value: 'JBSWY3DPEHPK3PXP' });
    expect(summary).toMatchObject({ complete: true, removableKeyIds: ['k2'] });
  });

  it('reports a secret held throughout as skipped, and never calls its key removable', async () => {
    const k4 = generateKey();
    const k3 = testKeys.ring.keys.get('k3')!;
    testKeys.ring = ringOf('k4', { k3, k4 });
    const userId = supervisor.userId!;
    const held = await app.database.pool.connect();
    await held.query('begin');
    await held.query('select 1 from users where id = $1 for update', [userId]);
    try {
      const summary = await rotateKeys(app.database.db, testKeys.ring, { retries: 2 });
      expect(summary.columns['users.totp_secret_sealed']).toMatchObject({ resealed: 0, skipped: 1, valuesByKey: { k3: 1 } });
      expect(summary.complete).toBe(false);
      expect(summary.removableKeyIds).toEqual([]);
      expect(summary.keysInUse).toEqual(['k3', 'k4']);
    } finally {
      await held.query('commit');
      held.release();
    }
    expect(await recorded()).toEqual(['k3', 'k4']);
  });

  it('reports a sealed column it has no rotation for (found from the schema), and leaves its key in use', async () => {
    await app.database.pool.query(`alter table workplaces add column notes_sealed text`);
    await app.database.pool.query(`comment on column workplaces.notes_sealed is 'sealed: a column added after this version of rotation'`);
    await app.database.pool.query(`update workplaces set notes_sealed = 'v1:k3:aaaa:bbbb'`);
    try {
      const summary = await rotateKeys(app.database.db, testKeys.ring);
      expect(summary.uncovered).toEqual(['workplaces.notes_sealed']);
      expect(summary.columns['workplaces.notes_sealed']?.valuesByKey).toEqual({ k3: 1 });
      expect(summary.complete).toBe(false);
      expect(summary.removableKeyIds).toEqual([]);
      expect(summary.keysInUse).toContain('k3');
    } finally {
      await app.database.pool.query(`alter table workplaces drop column notes_sealed`);
    }
  });
});
