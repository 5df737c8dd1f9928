import { randomBytes } from 'node:crypto';
import { hashPassword } from '../sessions/passwords';

/**
 * A password an administrator hands to a user in person (a new account, a reset): 96 random
 * bits, shown once, to be changed at the next sign-in.
 */
export async function newOneTimePassword(): Promise<{ oneTimePassword: string; passwordHash: string }> {
  const oneTimePassword = randomBytes(12).toString('base64url');
  return { oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
}
