import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

// Review of issue 20 (§5): backup, restore, keys rotate and retention run checked that the
// acting user was in every operation, not that the user's scope was the whole operation: an
// administrator of one agency could copy, rewrite or anonymise everyone's records.

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));
const RING = JSON.stringify({ active: 'kA-1', keys: { 'kA-1': randomBytes(32).toString('base64') } });
const SPAWNS_TIMEOUT = 240_000;

function waymark(url: string, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, DATABASE_URL: url, WAYMARK_KEYS: RING, WAYMARK_LOG_LEVEL: 'warn', PORT: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(databaseTargets())('commands over a whole operation need an operation-wide scope, on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let dir: string;
  const agencyAdmin = { id: randomUUID(), email: 'agency-admin@example.org' };
  const query = async <T extends object>(text: string, params: unknown[] = []) => (await database.pool.query<T & Record<string, unknown>>(text, params)).rows;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'waymark-scope-'));
    database = await freshDatabase(target);
    const operationId = randomUUID();
    const agencyId = randomUUID();
    await query(`insert into operations (id, code, name) values ($1, 'only', 'The only operation')`, [operationId]);
    await query(`insert into agencies (operation_id, id, code, name, kind) values ($1, $2, 'ngo-1', 'NGO', 'ngo')`, [operationId, agencyId]);
    // In every operation (there is one), an administrator, but of one agency only.
    await query(`insert into users (id, email, display_name, password_hash, role, scope, agency_id) values ($1, $2, $2, 'x', 'administrator', 'agency', $3)`, [agencyAdmin.id, agencyAdmin.email, agencyId]);
    await query('insert into user_operations (user_id, operation_id) values ($1, $2)', [agencyAdmin.id, operationId]);
    await query(`insert into operation_retention (operation_id, id, anonymise_inactive_after_days) values ($1, $2, 365)`, [operationId, randomUUID()]);
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const refusals = async () => (await query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'console.refused' and actor_id = $1`, [agencyAdmin.id]))[0]!.n;

  it.each([
    ['backup', ['backup', 'all.backup']],
    ['restore', ['restore', 'all.backup', '--force']],
    ['keys rotate', ['keys', 'rotate']],
    ['retention run', ['retention', 'run']],
    ['retention run --dry-run', ['retention', 'run', '--dry-run']],
  ])('refuses %s to an agency-scoped administrator: exit 3, audited, nothing done', async (_name, args) => {
    const before = await refusals();
    const run = waymark(database.url, '--as', agencyAdmin.email, ...args.map((arg) => (arg === 'all.backup' ? join(dir, arg) : arg)));
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain('not allowed');
    expect(run.stderr).toContain('scope');
    expect(await refusals()).toBe(before + 1);
    await expect(stat(join(dir, 'all.backup'))).rejects.toThrow();
    const done = await query<{ action: string }>(`select action from audit_events where action in ('backup.write', 'backup.restore', 'keys.rotate_batch', 'retention.run', 'retention.anonymise')`);
    expect(done).toEqual([]);
  }, SPAWNS_TIMEOUT);
});
