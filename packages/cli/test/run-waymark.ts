import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));
/** Seeded screenings seal their highly sensitive answers: the CLI needs a key ring on a server database. */
const KEYS = JSON.stringify({ active: 'k1', keys: { k1: randomBytes(32).toString('base64') } });

/** This checkout's CLI as a child process on the database at `url`, with a key ring of its own. */
export function waymark(url: string, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, DATABASE_URL: url, WAYMARK_KEYS: KEYS, WAYMARK_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}
