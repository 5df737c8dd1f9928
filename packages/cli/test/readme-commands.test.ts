import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';
import { findFreePort } from '../../server/src/db/embedded/embedded-server';
import { exited } from '../../server/test/serve-process';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WAYMARK = join(ROOT, 'packages/cli/bin/waymark.mjs');

/** The README's command-line block: every `npx waymark …` line, as a reader would paste it. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /## Command line\s+```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no "Command line" sh block');
  return block[1]!.split('\n').filter((line) => line.startsWith('npx waymark '));
}

/**
 * Runs the README's documented commands as written, in order, against a fresh database:
 * each line goes through the shell as it stands (comments, FILE and all). `npx` is a shim
 * that runs this checkout's CLI, as `npx` does inside the project (and never reaches a
 * registry); `serve` is started, answered, and stopped.
 */
describe.each(databaseTargets())('the README commands on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let workDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await freshDatabase(target);
    workDir = await mkdtemp(join(tmpdir(), 'waymark-readme-'));
    const bin = join(workDir, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = waymark ] || { echo "not a waymark command: $*" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${WAYMARK}" "$@"\n`);
    await chmod(join(bin, 'npx'), 0o755);
    env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      DATABASE_URL: database.url,
      WAYMARK_KEYS: JSON.stringify({ active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }),
      WAYMARK_LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await database.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('documents the commands that matter, and each one works as written', async () => {
    const commands = await readmeCommands();
    for (const needed of ['serve', 'migrate', 'seed --demo', 'export population', 'demo remove']) {
      expect(commands.some((line) => line.startsWith(`npx waymark ${needed}`)), needed).toBe(true);
    }
    for (const line of commands) {
      if (line.startsWith('npx waymark serve')) {
        const port = await findFreePort();
        const child = spawn('sh', ['-c', line], { cwd: workDir, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let output = '';
        child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        try {
          let health = 0;
          for (let tries = 0; tries < 240 && health !== 200; tries += 1) {
            await new Promise((resolve) => setTimeout(resolve, 250));
            health = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((response) => response.status, () => 0);
          }
          expect(health, `${line}\n${output}`).toBe(200);
        } finally {
          process.kill(-child.pid!, 'SIGTERM');
          await exited(child);
        }
        continue;
      }
      const run = spawnSync('sh', ['-c', line], { cwd: workDir, env, encoding: 'utf8', timeout: 600_000 });
      expect(run.status, `${line}\n${run.stdout}\n${run.stderr}`).toBe(0);
    }
    // What the commands said they would leave behind.
    expect((await readFile(join(workDir, 'risk.hxl.csv'), 'utf8')).split('\n')[1]).toMatch(/^#/);
    expect(await readFile(join(workDir, 'population.csv'), 'utf8')).toContain('synthetic demo');
    expect((await readFile(join(workDir, 'FILE'))).length).toBeGreaterThan(0);
    // `demo remove` came last: nothing synthetic is left.
    expect(Number((await database.pool.query<{ n: string }>('select count(*) as n from persons')).rows[0]!.n)).toBe(0);
    // A demo of 5,000, re-scored, backed up and exported: minutes on a shared two-core machine.
  }, 900_000);
});
