// `npm test`: the whole suite, in the order that fails fastest. Installs what the browser
// tests need (Debian's chromium) when it can, and says exactly what to run when it cannot.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium';

function step(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    process.stderr.write(`The browser tests need Debian's chromium. Run:\n  sudo apt-get update && sudo apt-get install -y chromium\n`);
    process.exit(1);
  }
  process.stdout.write('\n▶ installing Debian chromium for the browser tests\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const node = process.execPath;
ensureChromium();
step('type-check every package', node, ['scripts/typecheck.mjs']);
step('lint (dependency rules included)', node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
step('build the web app', 'npm', ['run', 'build', '--workspace', '@waymark/web']);

const report = join(tmpdir(), `waymark-vitest-${process.pid}.json`);
process.stdout.write(
  `\n▶ tests: unit, database (embedded${process.env.TEST_DATABASE_URL ? ' + server' : ''}), browser\n`,
);
const run = spawnSync(
  node,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit', env: process.env },
);
let summary = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
} catch {
  // no report: vitest itself failed before running tests
}
if (summary) {
  process.stdout.write(
    `\nwaymark: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped\n`,
  );
}
// Never green on a run that ran nothing, or whose runner failed without a report.
const ranNothing = !summary || summary.numTotalTests === 0;
const failed = run.status !== 0 || ranNothing || summary.numFailedTests > 0 || summary.success === false;
if (ranNothing) process.stdout.write('\n✖ no tests ran\n');
process.exit(failed ? 1 : 0);
