import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '@waymark/core';
import { activeKey, type KeyRing } from './key-ring';

/**
 * Stored format (text): `v1:<keyId>:<iv>:<ciphertext+tag>`, iv and ciphertext in
 * base64url. AES-256-GCM with a random 12-byte IV and a 16-byte tag appended to the
 * ciphertext. The associated data (AAD) names the value's place, e.g.
 * `protection_notes:body:<operation_id>:<id>`: it is not stored, the reader supplies it,
 * so a ciphertext copied into another row or column fails to open.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type OpenFailure = 'unknown_key' | 'tampered';

export function seal(ring: KeyRing, text: string, aad: string): string {
  return sealWith(activeKey(ring), ring.active, text, aad);
}

export type Sealer = (text: string, aad: string) => string;

/**
 * Seals many values under the ring's active key (bulk loads, re-scoring): the key is
 * imported once as a KeyObject instead of once per value. Synchronous, like `seal`.
 */
export function sealerFor(ring: KeyRing): Sealer {
  const key = createSecretKey(activeKey(ring));
  return (text, aad) => sealWith(key, ring.active, text, aad);
}

function sealWith(key: Buffer | KeyObject, keyId: string, text: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${keyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/**
 * The exact shape `sealWith` writes: a key id as key rings allow them, a 12-byte IV and at
 * least a 16-byte tag in base64url. Words that merely start with "v1:" do not have it.
 */
const ENVELOPE = /^v1:([A-Za-z0-9_-]{1,32}):[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,}$/;

/** The key id an envelope names, or undefined if it is not an envelope. */
export function keyIdOf(envelope: string): string | undefined {
  return ENVELOPE.exec(envelope)?.[1];
}

export function open(ring: KeyRing, envelope: string, aad: string): Result<string, OpenFailure> {
  const parts = envelope.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) return err('tampered');
  const [, keyId, ivText, bodyText] = parts as [string, string, string, string];
  const key = ring.keys.get(keyId);
  if (!key) return err('unknown_key');
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return err('tampered');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    return ok(text.toString('utf8'));
  } catch {
    // GCM refuses a wrong tag, a wrong key or wrong associated data alike.
    return err('tampered');
  }
}

/** Re-seals under the active key (rotation); the value never leaves memory as text elsewhere. */
export function reseal(ring: KeyRing, envelope: string, aad: string): Result<string, OpenFailure> {
  const opened = open(ring, envelope, aad);
  return opened.ok ? ok(seal(ring, opened.value, aad)) : opened;
}
