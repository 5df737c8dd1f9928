import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FIRST_ADMIN_PASSWORD_FILE = 'first-admin-password.txt';

/**
 * The generated first-administrator password goes to a file only the operator's account
 * can read (0600, in WAYMARK_DATA_DIR), never to standard output: that is where the JSON
 * logs go, and logs are collected, shipped and kept by others. Returns the file's path.
 */
export async function writeFirstAdminSecret(dataDir: string, admin: { email: string; oneTimePassword: string }): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, FIRST_ADMIN_PASSWORD_FILE);
  await writeFile(path, `email:    ${admin.email}\npassword: ${admin.oneTimePassword}\nSign in and change it, then delete this file.\n`, { mode: 0o600 });
  // A file left from an earlier install keeps its old mode through writeFile: set it again.
  await chmod(path, 0o600);
  return path;
}
