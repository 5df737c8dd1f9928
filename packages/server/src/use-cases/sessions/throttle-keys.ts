import { createHash } from 'node:crypto';
import type { ThrottleRule } from '../../db/sign-in-throttle-repository';

/** Throttle rows are keyed by a hash: the table never holds an email address. */
export function throttleKey(kind: 'email' | 'mfa', value: string): Buffer {
  return createHash('sha256').update(`${kind}:${value}`).digest();
}

// Five wrong answers in a row lock that email (or that user's authenticator codes) for 15
// minutes, then 30, then 60 while they keep coming; a success starts again from zero.
// Never longer than an hour: anyone who knows an email (or holds a stolen password) can
// provoke the lock, and the owner must not lose days to it. Five guesses an hour still
// leave a six-digit code about 800 years on average.
export const THROTTLE: ThrottleRule = { maxFailures: 5, baseMinutes: 15, maxMinutes: 60 };
