// Type-checks every workspace with its own tsconfig, so each package's lib/types
// boundary holds (core sees neither Node nor the DOM).
import { execFileSync } from 'node:child_process';
const projects = ['packages/core', 'packages/contracts', 'packages/server', 'packages/cli', 'packages/web', 'e2e', 'bench'];
let failed = false;
for (const project of projects) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
