import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended floor (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * NFKC, as NIST SP 800-63B §5.1.1.2 advises: "é" typed as one character or as "e" plus an
 * accent, or digits from an Arabic or full-width keyboard layout, are the same password.
 * The policy checks and the hash both see this form, so what is checked is what is stored.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), OPTIONS);
}

// Verified against when the email is unknown, so the answer takes as long either way.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, normalisePassword(password)).catch(() => false);
    return false;
  }
  const normalised = normalisePassword(password);
  if (await verify(passwordHash, normalised).catch(() => false)) return true;
  // Hashes written before normalisation hold the password as it was typed.
  return normalised !== password && verify(passwordHash, password).catch(() => false);
}
