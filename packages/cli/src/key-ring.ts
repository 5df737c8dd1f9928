import { discardGeneratedKeyFile, loadKeyRing, missingKeysMessage, missingSealingKeys, type Config, type DatabaseHandle, type KeyRing } from '@waymark/server';

/** The key ring, or the reason there is none and exit 2: the CLI never works unencrypted. */
export async function keyRingOrExit(config: Config): Promise<KeyRing> {
  const ring = await loadKeyRing(config);
  if (!ring.ok) {
    process.stderr.write(`Waymark cannot continue: ${ring.error}\n`);
    process.exit(2);
  }
  return ring.value;
}

/**
 * Exit 2, with the ids needed and no stack trace, when the database holds values sealed
 * with keys the ring lacks: a command that opens or writes sealed data must not run under
 * a ring that replaced a lost key file. Call after migrating (the table is migration 0031).
 */
export async function keysPresentOrExit(database: DatabaseHandle, ring: KeyRing): Promise<void> {
  const missing = await missingSealingKeys(database.db, ring);
  if (missing.length === 0) return;
  await discardGeneratedKeyFile(ring);
  process.stderr.write(`Waymark cannot continue: ${missingKeysMessage(missing, ring)}\n`);
  await database.close();
  process.exit(2);
}
