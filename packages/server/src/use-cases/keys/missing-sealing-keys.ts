import type { KeyRing } from '../../crypto/key-ring';
import { recordedKeyIds } from '../../db/sealed-columns-repository';
import type { Db } from '../../db/transaction';

/**
 * The key ids that values in this database were sealed with and the ring lacks. Read from
 * sealed_key_ids (migration 0031), a table of a few rows kept at seal time, so every start
 * can afford it whatever the size of the database.
 */
export async function missingSealingKeys(db: Db, ring: KeyRing): Promise<string[]> {
  return (await recordedKeyIds(db)).filter((id) => !ring.keys.has(id));
}

/** Why Waymark will not run, for the operator: which ids, and what to do. No key material. */
export function missingKeysMessage(missing: readonly string[], ring: KeyRing): string {
  return (
    `this database holds values sealed with ${missing.length === 1 ? 'key' : 'keys'} ${missing.join(', ')}, ` +
    `which the key ring (${[...ring.keys.keys()].join(', ')}) does not have. Restore the key file (WAYMARK_KEY_FILE, ` +
    `WAYMARK_KEYS, or encryption-keys.json in the data directory) that holds ${missing.length === 1 ? 'it' : 'them'}, ` +
    'and add new keys to that ring rather than replacing it. Waymark does not run without them: values sealed with a ' +
    'missing key cannot be read, and anything sealed meanwhile under a replacement would be lost when the real key returns. ' +
    '(If every value sealed with them has since been erased, `waymark keys rotate` checks every sealed value and forgets ids that none names.)'
  );
}
