import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissingFile } from './credentials';
import { isProcessAlive } from './postmaster-pid';

/**
 * Which Waymark process started the embedded server. A server whose owner is alive is
 * shared (a CLI command while `npm start` runs); one whose owner died (kill -9) is an
 * orphan that we stop and start afresh.
 */
const FILE_NAME = 'embedded-owner.pid';

export async function readLiveOwner(dataDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, FILE_NAME), 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return isProcessAlive(pid) ? pid : null;
}

export async function claimOwnership(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, FILE_NAME), String(process.pid), { mode: 0o600 });
}

export async function releaseOwnership(dataDir: string): Promise<void> {
  await rm(join(dataDir, FILE_NAME), { force: true });
}
