import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '@waymark/core';

/**
 * The keys that seal highly sensitive values. Every sealed value names the key it was
 * sealed with, so keys can rotate: new values use `active`, old ones open with whichever
 * key they name until `waymark keys rotate` has re-sealed them.
 */
export interface KeyRing {
  readonly active: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** Key ids go into every envelope between colons: keep them short and plain. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

/**
 * Parses `{"active":"k2","keys":{"k1":"<base64>","k2":"<base64>"}}`. Problems name the
 * key id, never the key material.
 */
export function parseKeyRing(json: string): Result<KeyRing, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return err('the key ring is not valid JSON');
  }
  if (typeof value !== 'object' || value === null) return err('the key ring must be a JSON object');
  const { active, keys } = value as { active?: unknown; keys?: unknown };
  if (typeof active !== 'string') return err('the key ring needs "active": the id of the key that seals new values');
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return err('the key ring needs "keys": { "<id>": "<base64 key>" }');
  const ring = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(keys as Record<string, unknown>)) {
    if (!KEY_ID_PATTERN.test(id)) return err(`key id "${id.slice(0, 40)}" must be 1-32 letters, digits, "_" or "-"`);
    if (typeof encoded !== 'string') return err(`key "${id}" must be a base64 string`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) return err(`key "${id}" must be ${KEY_BYTES} bytes (base64), it is ${key.length}`);
    ring.set(id, key);
  }
  if (!ring.has(active)) return err(`the active key "${active.slice(0, 40)}" is not among the keys`);
  return ok({ active, keys: ring });
}

export function serialiseKeyRing(ring: KeyRing): string {
  const keys: Record<string, string> = {};
  for (const [id, key] of ring.keys) keys[id] = key.toString('base64');
  return JSON.stringify({ active: ring.active, keys }, null, 2) + '\n';
}

/**
 * A key id no other ring will have: the day it was made and 32 random bits. A lost key file
 * replaced by a new one never reuses the old id, so values sealed under the lost key are
 * named as missing (and refused at start) instead of failing as tampered under a namesake.
 */
export function newKeyId(now: Date = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
}

/** A fresh random key: what `waymark keys generate` prints and first start writes. */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function activeKey(ring: KeyRing): Buffer {
  // parseKeyRing guarantees the active key is present.
  return ring.keys.get(ring.active)!;
}
