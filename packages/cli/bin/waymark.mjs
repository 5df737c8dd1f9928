#!/usr/bin/env node
// Loads the TypeScript CLI in this same process through tsx's loader, so `npx waymark …`
// works from a fresh clone with no build step, and signals reach Waymark directly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Bulk jobs (seed, screen --all) allocate many short-lived objects: a larger young
// generation cut garbage collection from a third of re-scoring time (measured). V8 reads
// the flag only at start, so those commands restart Node with it. `serve` never does:
// it must stay one process, so that kill -9 leaves no Node child behind.
const YOUNG_GENERATION = '--max-semi-space-size=64';
const bulk = ['seed', 'screen'].includes(process.argv[2] ?? '');
if (bulk && !process.execArgv.includes(YOUNG_GENERATION)) {
  const child = spawnSync(process.execPath, [YOUNG_GENERATION, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
register();
await import('../src/main.ts');
