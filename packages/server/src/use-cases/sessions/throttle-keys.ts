import { createHash } from 'node:crypto';

/** Throttle rows are keyed by a hash: the table never holds an email address. */
export function throttleKey(kind: 'email' | 'mfa', value: string): Buffer {
  return createHash('sha256').update(`${kind}:${value}`).digest();
}

// Five wrong answers in a row lock that email (or that user's second factor) for 15
// minutes, then 30, 60 … while they keep coming; a success starts again from zero.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
