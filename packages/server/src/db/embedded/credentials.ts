import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface EmbeddedCredentials {
  user: string;
  password: string;
}

const FILE_NAME = 'embedded-credentials.json';

/**
 * The superuser password of the embedded server is generated once and kept beside the
 * data, readable by the owner only: nobody types it, and it never leaves the machine.
 */
export async function loadOrCreateCredentials(dataDir: string): Promise<EmbeddedCredentials> {
  const file = join(dataDir, FILE_NAME);
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (isCredentials(parsed)) return parsed;
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const credentials = { user: 'waymark', password: randomBytes(24).toString('base64url') };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

function isCredentials(value: unknown): value is EmbeddedCredentials {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).user === 'string' &&
    typeof (value as Record<string, unknown>).password === 'string'
  );
}

export function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ENOENT';
}
