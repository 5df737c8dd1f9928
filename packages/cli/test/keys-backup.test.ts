import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));

function waymark(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, WAYMARK_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(databaseTargets())('waymark keys, backup and restore on $name PostgreSQL', (target) => {
  let source: DatabaseHandle;
  let restored: DatabaseHandle;
  let dir: string;
  let keys: string;
  const count = async (database: DatabaseHandle, table: string) =>
    Number((await database.pool.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'waymark-cli-backup-'));
    source = await freshDatabase(target);
    restored = await freshDatabase(target);
  });
  afterAll(async () => {
    await source.close();
    await restored.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keys generate prints a usable key ring, and a single entry', () => {
    const ring = waymark({}, 'keys', 'generate', '--id', 'k7', '--ring');
    expect(ring.status, ring.stderr).toBe(0);
    const parsed = JSON.parse(ring.stdout) as { active: string; keys: Record<string, string> };
    expect(parsed.active).toBe('k7');
    expect(Buffer.from(parsed.keys.k7!, 'base64')).toHaveLength(32);
    keys = ring.stdout;
    const entry = waymark({}, 'keys', 'generate', '--id', 'k8');
    expect(entry.stdout).toMatch(/^"k8": "[A-Za-z0-9+/]{43}="\n$/);
  });

  it('refuses to back up a server database without keys', () => {
    const run = waymark({ DATABASE_URL: source.url }, 'backup', join(dir, 'nokeys.backup'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no encryption key is configured');
  });

  it('backs up a seeded database and restores it into a fresh one; refuses to restore twice', async () => {
    expect(waymark({ DATABASE_URL: source.url, WAYMARK_KEYS: keys }, 'seed', '--demo', '60').status).toBe(0);
    const file = join(dir, 'waymark.backup');
    const backup = waymark({ DATABASE_URL: source.url, WAYMARK_KEYS: keys }, 'backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up \d+ rows in \d+ tables/);

    const restore = waymark({ DATABASE_URL: restored.url, WAYMARK_KEYS: keys }, 'restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('every count matches the manifest');
    expect(await count(restored, 'persons')).toBe(60);
    expect(await count(restored, 'screenings')).toBe(await count(source, 'screenings'));

    const again = waymark({ DATABASE_URL: restored.url, WAYMARK_KEYS: keys }, 'restore', file);
    expect(again.status, again.stdout + again.stderr).toBe(1);
    expect(again.stderr).toContain('Nothing was restored');
    expect(again.stderr).toContain('not empty');
    // Four whole CLI processes (seed, backup, two restores): a minute is too tight on a loaded machine.
  }, 240_000);

  it('keys rotate reports counts and is a no-op when everything is under the active key', () => {
    const run = waymark({ DATABASE_URL: source.url, WAYMARK_KEYS: keys }, 'keys', 'rotate');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Re-sealed 0 values under key k7');
  });
});
