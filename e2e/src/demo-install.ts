import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exited, spawnServe, type ServeProcess } from '../../packages/server/test/serve-process';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

export interface DemoInstall {
  server: ServeProcess;
  stop(): Promise<void>;
}

/**
 * `waymark serve` on its own embedded PostgreSQL in a fresh data directory, as an
 * evaluation install (no second factor required, and every page says so), with a
 * synthetic demo population loaded beside it by `waymark seed`.
 */
export async function startDemoInstall(admin: { email: string; password: string }, persons: number): Promise<DemoInstall> {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-e2e-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  const env = { WAYMARK_DATA_DIR: dataDir, WAYMARK_ADMIN_EMAIL: admin.email, WAYMARK_ADMIN_PASSWORD: admin.password, WAYMARK_MFA_REQUIRED: 'false' };
  const server = await spawnServe(env);
  const seeded = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/waymark.mjs'), 'seed', '--demo', String(persons)], {
    env: { ...process.env, ...env, WAYMARK_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  return {
    server,
    async stop() {
      server.child.kill('SIGTERM');
      await exited(server.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
