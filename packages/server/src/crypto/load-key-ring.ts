import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '@waymark/core';
import type { Config } from '../config';
import { isMissingFile } from '../db/embedded/credentials';
import { generateKey, newKeyId, parseKeyRing, serialiseKeyRing, type KeyRing } from './key-ring';

export const GENERATED_KEY_FILE = 'encryption-keys.json';

/**
 * The key ring for this process, or a sentence saying why Waymark must not start.
 * Never silently unencrypted: on a PostgreSQL server (DATABASE_URL) the keys must be
 * configured, because a key generated beside a server's data would be lost with the
 * container or kept beside the database it protects.
 */
export async function loadKeyRing(config: Pick<Config, 'keys' | 'database'>): Promise<Result<KeyRing, string>> {
  const { keys, database } = config;
  if (keys.json !== undefined) return prefixed('WAYMARK_KEYS', parseKeyRing(keys.json));
  if (keys.file !== undefined) return readKeyFile(keys.file, 'WAYMARK_KEY_FILE');
  if (database.url !== undefined) {
    return err(
      'DATABASE_URL is set but no encryption key is configured. Set WAYMARK_KEY_FILE (a file of mode 0600) or ' +
        'WAYMARK_KEYS to a key ring; `waymark keys generate` prints one. Waymark does not run unencrypted.',
    );
  }
  return loadOrCreateEmbeddedKeyFile(database.dataDir);
}

async function readKeyFile(file: string, name: string): Promise<Result<KeyRing, string>> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if (isMissingFile(error)) return err(`${name}: the key file ${file} does not exist`);
    throw error;
  }
  // Group or others able to read (or write) the keys defeats encrypting at all.
  if ((mode & 0o077) !== 0) {
    return err(`${name}: the key file ${file} has mode ${(mode & 0o777).toString(8)}; it must be 600 or stricter (chmod 600 ${file})`);
  }
  return prefixed(name, parseKeyRing(await readFile(file, 'utf8')));
}

/** Embedded mode: generated once beside the data, readable by the owner only (like the DB password). */
async function loadOrCreateEmbeddedKeyFile(dataDir: string): Promise<Result<KeyRing, string>> {
  const file = join(dataDir, GENERATED_KEY_FILE);
  try {
    await stat(file);
    return readKeyFile(file, 'the embedded key file');
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const id = newKeyId();
  const ring: KeyRing = { active: id, keys: new Map([[id, generateKey()]]) };
  await mkdir(dataDir, { recursive: true });
  // 'wx': never overwrite a key file another process wrote a moment ago.
  const written = await writeFile(file, serialiseKeyRing(ring), { mode: 0o600, flag: 'wx' }).then(
    () => true,
    (error: unknown) => {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      return false;
    },
  );
  await chmod(file, 0o600);
  const loaded = await readKeyFile(file, 'the embedded key file');
  if (written && loaded.ok) generatedNow.set(loaded.value, file);
  return loaded;
}

/** Rings this process generated (embedded first start), with the file it wrote. */
const generatedNow = new WeakMap<KeyRing, string>();

/**
 * Removes the key file this process generated a moment ago, when the database turns out to
 * hold values sealed with other keys (the real key file is missing): the operator restores
 * the real file, and no stray new key is left beside it to be confused with it.
 */
export async function discardGeneratedKeyFile(ring: KeyRing): Promise<void> {
  const file = generatedNow.get(ring);
  if (file === undefined) return;
  generatedNow.delete(ring);
  await rm(file, { force: true });
}

function prefixed(name: string, result: Result<KeyRing, string>): Result<KeyRing, string> {
  return result.ok ? ok(result.value) : err(`${name}: ${result.error}`);
}
