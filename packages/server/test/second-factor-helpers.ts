import { expect } from 'vitest';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import type { Client } from './test-app';

/** The authenticator code for a base32 secret at a time. */
export const codeAt = (secret: string, at: Date) => hotp(base32Decode(secret), timeStep(at));

/** Enrols a TOTP second factor over HTTP at the app's time `at`; the secret and the recovery codes shown. */
export async function enrol(user: Client, at: Date): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = (await user.request('POST', '/api/v1/sessions/current/mfa')).body as { secret: string };
  const confirmed = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: codeAt(secret, at) });
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
}
