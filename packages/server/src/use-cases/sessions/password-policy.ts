import { err, ok, type Result } from '@waymark/core';
import { readFileSync } from 'node:fs';

export const PASSWORD_MIN_LENGTH = 12;

export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_common';
  message: string;
}

/**
 * The passwords attackers try first (NIST SP 800-63B §5.1.1.2: refuse known-common and
 * breached values). Shipped with Waymark, read once, never sent anywhere.
 */
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

// Words that name this system: a password built on them is the first an attacker tries here.
const CONTEXT_WORDS = ['waymark', 'unhcr', 'refugee', 'protection'];
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

/**
 * Length ≥ 12, and not a common password in disguise: the list entry itself, the same
 * with digits or symbols padded on either end ("password1234!"), common letter swaps
 * ("p@ssw0rd2024"), a short piece repeated ("abcabcabcabc"), or this system's name.
 * The caller puts the problem at its own field path.
 */
export function checkPasswordPolicy(password: string): Result<null, PasswordProblem> {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return err({ code: 'password_too_short', message: `at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (isCommon(password)) {
    return err({ code: 'password_too_common', message: 'this password is too common or too easy to guess; choose another' });
  }
  return ok(null);
}

function isCommon(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  const deleet = [...lower].map((char) => LEET[char] ?? char).join('');
  for (const candidate of new Set([lower, deleet])) {
    if (list.has(candidate)) return true;
    // Padding on either end adds little: "password2024!" falls to the same guess list.
    const core = candidate.replace(/^[^a-z]+|[^a-z]+$/g, '');
    if (core.length >= 4 && list.has(core)) return true;
    if (core.length > 0 && CONTEXT_WORDS.some((word) => core.replace(/[^a-z]/g, '') === word)) return true;
    if (/^(.{1,4})\1+$/.test(candidate)) return true;
  }
  return false;
}
