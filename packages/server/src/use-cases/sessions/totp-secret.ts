import { err, ok, type Result } from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { open, seal } from '../../crypto/seal';
import { failure, type Failure } from '../../failure';

// The secret is bound to its user: copied onto another user's row it does not open.
export const totpAad = (userId: string) => `users:totp_secret_sealed:${userId}`;

export function sealTotpSecret(ring: KeyRing | undefined, userId: string, secret: string): Result<string, Failure> {
  if (!ring) return err(failure('encryption_unavailable'));
  return ok(seal(ring, secret, totpAad(userId)));
}

export function openTotpSecret(ring: KeyRing | undefined, userId: string, sealed: string): Result<string, Failure> {
  if (!ring) return err(failure('encryption_unavailable'));
  const opened = open(ring, sealed, totpAad(userId));
  if (!opened.ok) return err(failure(opened.error === 'unknown_key' ? 'encryption_unavailable' : 'sealed_value_unreadable'));
  return ok(opened.value);
}
