import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { ensureFirstAdmin } from '../src/use-cases/admin/ensure-first-admin';
import { databaseTargets, freshDatabase } from './database-targets';
import { exited, spawnServe } from './serve-process';

const WAYMARK_KEYS = JSON.stringify({ active: 'k1', keys: { k1: generateKey().toString('base64') } });

describe.each(databaseTargets())('the first administrator on $name PostgreSQL', (target) => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['correcthorsebatterystaple', true],
    ['admin@example.org', true],
    ['short', true],
    ['a-long-admin-password', false],
  ])('must change WAYMARK_ADMIN_PASSWORD=%s at first sign-in: %s', async (password, mustChange) => {
    const database = await freshDatabase(target);
    try {
      await ensureFirstAdmin(database.db, { email: 'admin@example.org', password });
      const row = await database.db.selectFrom('users').select('must_change_password').where('email', '=', 'admin@example.org').executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(mustChange);
    } finally {
      await database.close();
    }
  });

  it('writes a generated password to a file only the operator reads (0600), never to standard output', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'waymark-first-admin-'));
    dirs.push(dataDir);
    const database = target.name === 'server' ? await freshDatabase(target) : null;
    // The child inherits this process's environment: make sure no administrator is given there.
    const given = { email: process.env.WAYMARK_ADMIN_EMAIL, password: process.env.WAYMARK_ADMIN_PASSWORD };
    delete process.env.WAYMARK_ADMIN_EMAIL;
    delete process.env.WAYMARK_ADMIN_PASSWORD;
    const env: Record<string, string> = { WAYMARK_DATA_DIR: dataDir, WAYMARK_LOG_LEVEL: 'info' };
    if (database) Object.assign(env, { DATABASE_URL: database.url, WAYMARK_KEYS });
    const serve = await spawnServe(env).finally(() => {
      if (given.email !== undefined) process.env.WAYMARK_ADMIN_EMAIL = given.email;
      if (given.password !== undefined) process.env.WAYMARK_ADMIN_PASSWORD = given.password;
    });
    try {
      const path = join(dataDir, 'first-admin-password.txt');
      const secret = await readFile(path, 'utf8');
      const password = /^password:\s+(\S+)$/m.exec(secret)?.[1];
      expect(password).toMatch(/^[\w-]{16}$/);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(serve.output()).toContain(path);
      expect(serve.output()).not.toContain(password!);
      const signedIn = await fetch(`${serve.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@waymark.local', password }),
      });
      expect(signedIn.status).toBe(201);
      expect(((await signedIn.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    } finally {
      serve.child.kill('SIGTERM');
      await exited(serve.child);
      await database?.close();
    }
  });
});
