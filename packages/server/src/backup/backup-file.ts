import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { err, ok, type Result } from '@waymark/core';
import type { KeyRing } from '../crypto/key-ring';

/**
 * A backup file, byte by byte:
 *   "WAYMARK-BACKUP\n"  magic (15 bytes)
 *   u32 BE n, n bytes   header JSON { format: 1, keyId, salt, iv } (base64)
 *   ...                 AES-256-GCM ciphertext of the gzip'd frames (frames.ts)
 *   16 bytes            GCM tag
 *   32 bytes            HMAC-SHA256 of everything before it
 * Encryption and signature keys are derived (HKDF-SHA256, random salt per backup) from
 * the key named by keyId: a key-ring key, or "backup" for WAYMARK_BACKUP_KEY. The HMAC is
 * checked over the whole file before a single row is restored, so a modified or
 * truncated backup is refused up front; the GCM tag is checked again as it is read.
 */
export const MAGIC = Buffer.from('WAYMARK-BACKUP\n', 'latin1');
export const TAG_BYTES = 16;
export const MAC_BYTES = 32;
export const BACKUP_KEY_ID = 'backup';

export interface BackupHeader {
  format: 1;
  keyId: string;
  salt: string;
  iv: string;
}

export interface BackupKeys {
  ring: KeyRing;
  /** WAYMARK_BACKUP_KEY, base64, when set: backups are then keyed from it, not the ring. */
  backupKey: string | undefined;
}

export interface DerivedKeys {
  encryption: Buffer;
  signature: Buffer;
}

function derive(master: Buffer, salt: Buffer): DerivedKeys {
  const take = (info: string) => Buffer.from(hkdfSync('sha256', master, salt, info, 32));
  return { encryption: take('waymark backup v1 encryption'), signature: take('waymark backup v1 signature') };
}

function masterKey(keys: BackupKeys, keyId: string): Buffer | undefined {
  if (keyId === BACKUP_KEY_ID) return keys.backupKey === undefined ? undefined : Buffer.from(keys.backupKey, 'base64');
  return keys.ring.keys.get(keyId);
}

export function newBackupHeader(keys: BackupKeys): { header: BackupHeader; derived: DerivedKeys; bytes: Buffer } {
  const keyId = keys.backupKey === undefined ? keys.ring.active : BACKUP_KEY_ID;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: BackupHeader = { format: 1, keyId, salt: salt.toString('base64'), iv: iv.toString('base64') };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return { header, derived: derive(masterKey(keys, keyId)!, salt), bytes: Buffer.concat([MAGIC, length, json]) };
}

export interface OpenedBackup {
  header: BackupHeader;
  derived: DerivedKeys;
  /** Byte range of the ciphertext in the file, inclusive start, exclusive end. */
  start: number;
  end: number;
  tag: Buffer;
}

export type BackupRefusal = 'not_a_backup' | 'unknown_key' | 'signature_mismatch';

/**
 * Reads the header and checks the signature over the whole file, streaming. Only a file
 * that passes is worth decrypting; nothing is written to a database before this.
 */
export async function verifyBackupFile(file: string, keys: BackupKeys): Promise<Result<OpenedBackup, BackupRefusal>> {
  const size = (await stat(file)).size;
  const handle = await open(file, 'r');
  let header: BackupHeader;
  let headerEnd: number;
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
    if (bytesRead < prefix.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return err('not_a_backup');
    const length = prefix.readUInt32BE(MAGIC.length);
    if (length > 4096) return err('not_a_backup');
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, prefix.length);
    const parsed = parseHeader(json);
    if (!parsed) return err('not_a_backup');
    header = parsed;
    headerEnd = prefix.length + length;
  } finally {
    await handle.close();
  }
  if (size < headerEnd + TAG_BYTES + MAC_BYTES) return err('signature_mismatch');
  const master = masterKey(keys, header.keyId);
  if (!master) return err('unknown_key');
  const derived = derive(master, Buffer.from(header.salt, 'base64'));
  const hmac = createHmac('sha256', derived.signature);
  for await (const chunk of createReadStream(file, { start: 0, end: size - MAC_BYTES - 1 })) hmac.update(chunk as Buffer);
  const stored = await readRange(file, size - MAC_BYTES, MAC_BYTES);
  if (!timingSafeEqual(hmac.digest(), stored)) return err('signature_mismatch');
  const tag = await readRange(file, size - MAC_BYTES - TAG_BYTES, TAG_BYTES);
  return ok({ header, derived, start: headerEnd, end: size - MAC_BYTES - TAG_BYTES, tag });
}

async function readRange(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, position);
    return buffer;
  } finally {
    await handle.close();
  }
}

function parseHeader(json: Buffer): BackupHeader | undefined {
  try {
    const value = JSON.parse(json.toString('utf8')) as Partial<BackupHeader>;
    if (value.format !== 1 || typeof value.keyId !== 'string' || typeof value.salt !== 'string' || typeof value.iv !== 'string') {
      return undefined;
    }
    return { format: 1, keyId: value.keyId, salt: value.salt, iv: value.iv };
  } catch {
    return undefined;
  }
}

