import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes for the cookie; only their hash is stored, so a database leak opens no session. */
export function newSessionToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

/**
 * The session's CSRF token, derived from its cookie: bound to that one session, and the
 * server can hand it out again (GET /sessions/current) without storing it. Knowing it
 * tells nothing about the session token. The session row keeps its hash, so a token
 * from another session, or one whose session has ended, matches nothing.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('waymark-csrf-v1').digest('base64url');
}

/** Constant-time: the header is compared by its hash against the session row's. */
export function csrfMatches(sent: string | undefined, storedHash: Buffer | null): boolean {
  if (!sent || sent.length > 100 || storedHash === null) return false;
  return timingSafeEqual(hashToken(sent), storedHash);
}
