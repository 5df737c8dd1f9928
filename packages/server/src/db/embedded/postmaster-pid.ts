import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissingFile } from './credentials';

/** What PostgreSQL's `postmaster.pid` says about a server on a data directory. */
export interface PostmasterInfo {
  pid: number;
  port: number;
}

export async function readPostmasterPid(clusterDir: string): Promise<PostmasterInfo | null> {
  let text: string;
  try {
    text = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return null;
    throw error;
  }
  // Line 1 is the postmaster's pid, line 4 its port (PostgreSQL's documented layout).
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to another user (the postgres system user).
    return (error as { code?: string }).code === 'EPERM';
  }
}

export async function removeStalePidFile(clusterDir: string): Promise<void> {
  await rm(join(clusterDir, 'postmaster.pid'), { force: true });
}

/** Fast shutdown (SIGINT) of an orphaned server, waiting until it is gone. */
export async function stopOrphan(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
