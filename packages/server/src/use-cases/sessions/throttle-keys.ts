import { createHash } from 'node:crypto';
import type { AccountKeys, AccountThrottle } from '../../db/sign-in-throttle-repository';
import { addressGroup } from '../../address-group';

type Account = 'email' | 'mfa';

/** Throttle rows are keyed by a hash: the table never holds an email or a client address. */
export function throttleKey(kind: Account, value: string): Buffer {
  return createHash('sha256').update(`${kind}:${value}`).digest();
}

/** An account's keys for attempts from this client (IPv6 by its /64). */
export function accountKeys(kind: Account, value: string, ip: string): AccountKeys {
  return {
    account: throttleKey(kind, value),
    address: createHash('sha256').update(`${kind}@address:${value}\n${addressGroup(ip)}`).digest(),
  };
}

// From one address, five wrong answers in a row lock that email (or that user's
// authenticator codes) for that address for 15 minutes, then 30, then 60 while they keep
// coming; a success starts again from zero. Never longer than an hour. Nobody elsewhere is
// touched: a guesser who knows an email, or holds a stolen password, locks only themselves.
//
// Guesses spread over many addresses meet the backstop: fifty failures for the account
// from anywhere (counted while they come less than an hour apart) refuse, for 15 to 60
// minutes, every address the account has not succeeded from in the last 90 days. The
// owner at an address they used keeps their own five. Five guesses an hour per address
// and fifty an hour overall leave a six-digit code about 10,000 hours (over a year) of
// guessing on average, a password of the policy's length far longer.
export const THROTTLE: AccountThrottle = {
  perAddress: { maxFailures: 5, baseMinutes: 15, maxMinutes: 60 },
  perAccount: { maxFailures: 50, baseMinutes: 15, maxMinutes: 60, windowMinutes: 60 },
  knownDays: 90,
};
