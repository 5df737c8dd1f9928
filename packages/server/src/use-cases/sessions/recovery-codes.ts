import { createHash, randomBytes } from 'node:crypto';
import { base32Encode } from './totp';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten single-use codes of 80 random bits each (xxxx-xxxx-xxxx-xxxx in base32), shown
 * once. With that much entropy a plain sha256 is enough to store them: nobody can
 * guess their way back from the hash, and checking needs no slow password hash.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => base32Encode(randomBytes(10)).match(/.{4}/g)!.join('-').toLowerCase());
}

/** Case, spaces and dashes do not matter when a person types a code back. */
export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest();
}
