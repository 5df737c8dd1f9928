import { copyFile, mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { restoreBackup } from '../src/db/backup/restore-backup';
import { writeBackup } from '../src/db/backup/write-backup';
import { listTables } from '../src/db/backup/catalog';
import type { DatabaseHandle } from '../src/db/connect';
import { insertProtectionNote } from '../src/db/protection-notes-repository';
import { seedPopulation } from '../src/use-cases/population/seed-population';
import { openNote, sealNote } from '../src/use-cases/protection-notes/note-sealing';
import { databaseTargets, freshDatabase } from './database-targets';
import { ringOf } from './test-key-ring';

describe.each(databaseTargets())('waymark backup and restore on $name PostgreSQL', (target) => {
  const ring = ringOf('k1', { k1: generateKey() });
  const keys = { ring, backupKey: undefined };
  let source: DatabaseHandle;
  let dir: string;
  let file: string;
  const opened: DatabaseHandle[] = [];
  const fresh = async () => {
    const database = await freshDatabase(target);
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'waymark-backup-'));
    file = join(dir, 'waymark.backup');
    source = await fresh();
    await seedPopulation(source, { persons: 200, seed: 11, today: new Date('2026-06-15T00:00:00Z'), screen: true, keyRing: ring });
    const persons = (await source.pool.query<{ operation_id: string; id: string }>('select operation_id, id from persons order by id limit 5')).rows;
    await source.db.transaction().execute(async (tx) => {
      for (const [i, person] of persons.entries()) {
        const place = { operation_id: person.operation_id, id: uuidv7(), person_id: person.id, topic: i % 2 ? 'sgbv' : 'trafficking' };
        await insertProtectionNote(tx, {
          operationId: place.operation_id,
          id: place.id,
          personId: place.person_id,
          topic: place.topic,
          ...sealNote(ring, place, `Disclosure ${i}: sealed narrative`),
          actorId: null,
        });
      }
    });
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Every table, row for row: an md5 of its rows' text in a stable order. */
  async function fingerprint(database: DatabaseHandle): Promise<Record<string, string>> {
    const client = await database.pool.connect();
    try {
      const result: Record<string, string> = {};
      for (const table of await listTables(client)) {
        const name = client.escapeIdentifier(table.name);
        const { rows } = await client.query<{ md5: string | null; n: number }>(
          `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5, count(*)::int as n from ${name} t`,
        );
        result[table.name] = `${rows[0]!.n}:${rows[0]!.md5}`;
      }
      return result;
    } finally {
      client.release();
    }
  }
  const totalRows = async (database: DatabaseHandle) =>
    Object.values(await fingerprint(database)).reduce((sum, entry) => sum + Number(entry.split(':')[0]), 0);

  it('backs up to an encrypted file that holds no readable personal data', async () => {
    const manifest = await writeBackup(source.pool, keys, file);
    expect(manifest.tables.find((t) => t.name === 'persons')!.rows).toBe(200);
    expect(manifest.tables.find((t) => t.name === 'protection_notes')!.rows).toBe(5);
    expect(manifest.migrations).toContain(9);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(file);
    const aName = (await source.pool.query<{ given_name: string }>('select given_name from persons limit 1')).rows[0]!.given_name;
    expect(bytes.includes(Buffer.from(aName))).toBe(false);
    expect(bytes.includes(Buffer.from('sealed narrative'))).toBe(false);
  });

  it('restores into a fresh database row for row, notes still sealed and still opening', async () => {
    const target = await fresh();
    const restored = await restoreBackup(target.pool, keys, file);
    expect(restored.ok, JSON.stringify(!restored.ok && restored.error)).toBe(true);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    const notes = await target.db.selectFrom('protection_notes').selectAll().orderBy('created_at').execute();
    expect(notes).toHaveLength(5);
    for (const note of notes) {
      expect(note.body_sealed).toMatch(/^v1:k1:/);
      expect(openNote(ring, note)).toMatchObject({ ok: true, value: expect.stringContaining('sealed narrative') });
    }
    // Identity sequences continue after the restored ids: the next audit row is not a duplicate.
    await target.pool.query(`insert into audit_events (action, resource_type, details) values ('test', 'test', '{}')`).catch((error: Error) => {
      // A hash-chained trail may refuse a hand-written row; a duplicate id is what must not happen.
      expect(error.message).not.toContain('duplicate key');
    });
  });

  it('refuses a database that already holds rows, unless forced (and then still all or nothing)', async () => {
    const refused = await restoreBackup(source.pool, keys, file);
    expect(refused).toMatchObject({ ok: false, error: { code: 'target_not_empty' } });
    const before = await fingerprint(source);
    const forced = await restoreBackup(source.pool, keys, file, { force: true });
    expect(forced).toMatchObject({ ok: false, error: { code: 'load_failed', detail: expect.stringContaining('23505') } });
    expect(await fingerprint(source)).toEqual(before);
  });

  it.each([
    ['one byte changed in the middle', async (copy: string) => {
      const size = (await stat(copy)).size;
      const handle = await open(copy, 'r+');
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, Math.floor(size / 2));
      byte[0]! ^= 0x40;
      await handle.write(byte, 0, 1, Math.floor(size / 2));
      await handle.close();
    }, 'signature_mismatch'],
    ['cut short', async (copy: string) => truncate(copy, (await stat(copy)).size - 1000), 'signature_mismatch'],
    ['not a backup at all', async (copy: string) => writeFile(copy, 'persons.csv\n1,2,3\n'), 'not_a_backup'],
  ] as const)('refuses a backup %s, with nothing written', async (_label, spoil, code) => {
    const copy = join(dir, `spoiled-${code}-${Math.random()}.backup`);
    await copyFile(file, copy);
    await spoil(copy);
    const target = await fresh();
    const result = await restoreBackup(target.pool, keys, copy);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await totalRows(target)).toBe(0);
  });

  it('refuses a backup made under a key the ring does not hold', async () => {
    const target = await fresh();
    const result = await restoreBackup(target.pool, { ring: ringOf('k9', { k9: generateKey() }), backupKey: undefined }, file);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_key' } });
    expect(await totalRows(target)).toBe(0);
  });

  it('with WAYMARK_BACKUP_KEY, backs up under that key and restores with it', async () => {
    const backupKey = generateKey().toString('base64');
    const separate = join(dir, 'separate.backup');
    await writeBackup(source.pool, { ring, backupKey }, separate);
    const target = await fresh();
    expect((await restoreBackup(target.pool, { ring, backupKey: undefined }, separate)).ok).toBe(false);
    expect((await restoreBackup(target.pool, { ring, backupKey }, separate)).ok).toBe(true);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });
});
