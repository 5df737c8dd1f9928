import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../server/src/db/audit';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
/** Each test runs several whole CLI processes: the default minute is too tight on a loaded machine. */
const SPAWNS_TIMEOUT = 240_000;
const RING_A = JSON.stringify({ active: 'kA-1', keys: { 'kA-1': keyA } });

function waymark(url: string, keys: string, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, DATABASE_URL: url, WAYMARK_KEYS: keys, WAYMARK_LOG_LEVEL: 'warn', PORT: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(databaseTargets())('console actions are the acting user\'s, on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let dir: string;
  let operations: string[];
  const users: Record<'supervisor' | 'auditor' | 'admin' | 'localAdmin', { id: string; email: string }> = {
    supervisor: { id: randomUUID(), email: 'supervisor@example.org' },
    auditor: { id: randomUUID(), email: 'auditor@example.org' },
    admin: { id: randomUUID(), email: 'admin@example.org' },
    localAdmin: { id: randomUUID(), email: 'local-admin@example.org' },
  };
  const query = async <T extends object>(text: string, params: unknown[] = []) => (await database.pool.query<T & Record<string, unknown>>(text, params)).rows;
  const screeningsByOperation = async () =>
    Object.fromEntries((await query<{ operation_id: string; n: number }>('select operation_id, count(*)::int as n from screenings group by 1')).map((r) => [r.operation_id, r.n]));
  const auditActors = async (action: string) => (await query<{ actor_id: string | null }>('select actor_id from audit_events where action = $1 order by seq', [action])).map((r) => r.actor_id);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'waymark-console-'));
    database = await freshDatabase(target);
    const seeded = waymark(database.url, RING_A, 'seed', '--demo', '200', '--seed', '5');
    expect(seeded.status, seeded.stderr).toBe(0);
    operations = (await query<{ id: string }>('select id from operations order by id')).map((r) => r.id);
    expect(operations.length).toBeGreaterThanOrEqual(2);
    const add = async (user: { id: string; email: string }, role: string, operationIds: string[]) => {
      await query(`insert into users (id, email, display_name, password_hash, role, scope) values ($1, $2, $2, 'x', $3, 'operation')`, [user.id, user.email, role]);
      for (const operationId of operationIds) await query('insert into user_operations (user_id, operation_id) values ($1, $2)', [user.id, operationId]);
    };
    await add(users.supervisor, 'supervisor', [operations[0]!]);
    await add(users.auditor, 'auditor', [operations[0]!]);
    await add(users.admin, 'administrator', operations);
    await add(users.localAdmin, 'administrator', [operations[0]!]);
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('screen --all as a supervisor re-scores only the people of the supervisor\'s operations', async () => {
    const before = await screeningsByOperation();
    const screenedHere = (await query<{ n: number }>('select count(*)::int as n from persons where latest_screening_id is not null and operation_id = $1', [operations[0]])).map((r) => r.n)[0]!;
    const run = waymark(database.url, RING_A, '--as', users.supervisor.email, 'screen', '--all');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Re-scored ${screenedHere} persons`);
    const after = await screeningsByOperation();
    expect(after[operations[0]!]).toBe((before[operations[0]!] ?? 0) + screenedHere);
    for (const other of operations.slice(1)) expect(after[other]).toBe(before[other]);
    expect(await auditActors('screening.rescore_batch')).toEqual(expect.arrayContaining([users.supervisor.id]));
  }, SPAWNS_TIMEOUT);

  it('audits a backup under the acting user, and refuses one to a user who is not in every operation', async () => {
    const file = join(dir, 'all.backup');
    const run = waymark(database.url, RING_A, '--as', users.admin.email, 'backup', file);
    expect(run.status, run.stderr).toBe(0);
    expect(await auditActors('backup.write')).toEqual([users.admin.id]);

    const refused = waymark(database.url, RING_A, '--as', users.localAdmin.email, 'backup', join(dir, 'local.backup'));
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('not allowed');
    await expect(stat(join(dir, 'local.backup'))).rejects.toThrow();
    expect((await query<{ actor_id: string }>(`select actor_id from audit_events where action = 'console.refused' and outcome = 'refused'`)).map((r) => r.actor_id)).toContain(users.localAdmin.id);
  }, SPAWNS_TIMEOUT);

  it('audit verify is audited, and shows an auditor only the chains of the auditor\'s operations', async () => {
    // An event in every operation's chain, so each has a head to show or withhold.
    for (const operationId of operations) {
      await database.db.transaction().execute((tx) =>
        writeAudit(tx, { actorId: users.admin.id, operationId, action: 'person.read', resourceType: 'person', resourceId: null }),
      );
    }
    const run = waymark(database.url, RING_A, '--as', users.auditor.email, 'audit', 'verify', '--json');
    expect(run.status, run.stderr).toBe(0);
    const chains = (JSON.parse(run.stdout) as { heads: Array<{ chain: string }> }).heads.map((head) => head.chain);
    expect(chains).toEqual([operations[0]]);
    expect(await auditActors('audit.verify')).toEqual([users.auditor.id]);
    const all = waymark(database.url, RING_A, '--as', users.admin.email, 'audit', 'verify', '--json');
    expect((JSON.parse(all.stdout) as { heads: Array<{ chain: string }> }).heads.map((head) => head.chain)).toEqual(expect.arrayContaining(['global', ...operations]));
  }, SPAWNS_TIMEOUT);

  it('seed and keys rotate batches carry the acting user', async () => {
    const seeded = waymark(database.url, RING_A, '--as', users.admin.email, 'seed', '--demo', '5', '--seed', '9');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(await auditActors('population.load')).toContain(users.admin.id);
    const rotated = waymark(database.url, JSON.stringify({ active: 'kB-1', keys: { 'kA-1': keyA, 'kB-1': keyB } }), '--as', users.admin.email, 'keys', 'rotate');
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('may be removed');
    const actors = await auditActors('keys.rotate_batch');
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set([users.admin.id]));
  }, SPAWNS_TIMEOUT);

  it('refuses to serve, seed or re-score without the keys that sealed the data, naming them, without a stack trace', async () => {
    const persons = (await query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n;
    const replacement = JSON.stringify({ active: 'kC-1', keys: { 'kC-1': randomBytes(32).toString('base64') } });
    for (const args of [['serve'], ['seed', '--demo', '5'], ['screen', '--all']]) {
      const run = waymark(database.url, replacement, ...args);
      expect(run.status, `${args.join(' ')}: ${run.stdout}${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('sealed with key kB-1, which the key ring (kC-1) does not have');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n).toBe(persons);
  }, SPAWNS_TIMEOUT);
});
