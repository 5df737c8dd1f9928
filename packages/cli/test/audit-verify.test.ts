import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));
/** Seeded screenings seal their highly sensitive answers: the CLI needs a key ring on a server database. */
const KEYS = JSON.stringify({ active: 'k1', keys: { k1: randomBytes(32).toString('base64') } });

function waymark(url: string, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, DATABASE_URL: url, WAYMARK_KEYS: KEYS, WAYMARK_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(databaseTargets())('waymark audit verify on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabase(target);
    // A bulk load writes its audit entries through the chain too.
    expect(waymark(database.url, 'seed', '--demo', '30', '--seed', '3').status).toBe(0);
  });
  afterAll(() => database.close());

  it('exits 0 on an intact trail and prints every chain head', () => {
    const run = waymark(database.url, 'audit', 'verify');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Every chain is intact.');
    expect(run.stdout).toMatch(/ {2}global {2}seq \d+ {2}sha256 [0-9a-f]{64}/);
  });

  it('prints the same as JSON on request', () => {
    const run = waymark(database.url, 'audit', 'verify', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { intact: boolean; heads: Array<{ chain: string }>; breaks: unknown[] };
    expect(result.intact).toBe(true);
    expect(result.breaks).toEqual([]);
    expect(result.heads.map((head) => head.chain)).toContain('global');
  });

  it('exits 1 and names the chain and position of an edited entry', async () => {
    await database.pool.query('alter table audit_events disable trigger audit_events_no_update_or_delete');
    await database.pool.query(`update audit_events set details = '{"persons": 1}' where chain = 'global' and seq = 1`);
    await database.pool.query('alter table audit_events enable trigger audit_events_no_update_or_delete');
    const run = waymark(database.url, 'audit', 'verify');
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('TAMPERED: chain global at seq 1');
    expect(run.stdout).toContain('edited_entry');
  });
});
