import { err, ok, type Result } from '@waymark/core';
import { readFileSync } from 'node:fs';
import { normalisePassword } from './passwords';

export const PASSWORD_MIN_LENGTH = 12;

export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_common' | 'password_is_email';
  message: string;
}

/** Whose password it is: a password built on one's own email is the first guess. */
export interface PasswordOwner {
  email?: string;
}

/**
 * The header's lines start with '#'; after it every line is a password, some of which
 * begin with '#' themselves.
 */
function readList(name: string): string[] {
  const lines = readFileSync(new URL(name, import.meta.url), 'utf8').split('\n');
  const first = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(first < 0 ? lines.length : first).filter((line) => line !== '');
}

/**
 * The passwords attackers try first (NIST SP 800-63B §5.1.1.2 and ASVS 6.2: refuse
 * known-common and breached values, enough of them of the length the policy allows):
 * the 49,233 most common passwords, and the 43,940 breached ones of 12+ characters among
 * a million most frequent. Shipped with Waymark, read once, never sent anywhere.
 */
let known: ReadonlySet<string> | undefined;
function knownPasswords(): ReadonlySet<string> {
  known ??= new Set([...readList('./common-passwords.txt'), ...readList('./breached-passwords.txt'), ...WELL_KNOWN_PASSPHRASES]);
  return known;
}

// Passphrases made famous by being printed as examples: long, and the first tried.
const WELL_KNOWN_PASSPHRASES = [
  'correcthorsebatterystaple',
  'thequickbrownfoxjumpsoverthelazydog',
  'thequickbrownfox',
  'loremipsumdolorsitamet',
  'maytheforcebewithyou',
  'tobeornottobe',
  'tobeornottobethatisthequestion',
  'openthepodbaydoorshal',
  'trustno1trustno1',
  'iwanttobelieve',
  'letmeinplease',
  'passwordpassword',
  'changemenow',
  'changethispassword',
];

// Words that name this system: a password built on them is the first an attacker tries here.
const CONTEXT_WORDS = ['waymark', 'unhcr', 'refugee', 'protection'];
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

/**
 * Length ≥ 12, not the owner's email, and not a known password in disguise: the list
 * entry itself, the same with spaces or punctuation between the words ("correct horse
 * battery staple"), with digits or symbols padded on either end ("password1234!"), common
 * letter swaps ("p@ssw0rd2024"), a short piece repeated ("abcabcabcabc"), or this system's
 * name. Checked on the NFKC form, the form that is hashed. The caller puts the problem at
 * its own field path.
 */
export function checkPasswordPolicy(password: string, owner: PasswordOwner = {}): Result<null, PasswordProblem> {
  const normalised = normalisePassword(password);
  if ([...normalised].length < PASSWORD_MIN_LENGTH) {
    return err({ code: 'password_too_short', message: `at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (owner.email !== undefined && isEmailOf(normalised, owner.email)) {
    return err({ code: 'password_is_email', message: 'your email address is the first guess; choose another' });
  }
  if (isCommon(normalised)) {
    return err({ code: 'password_too_common', message: 'this password is too common or too easy to guess; choose another' });
  }
  return ok(null);
}

const compact = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

function isEmailOf(password: string, email: string): boolean {
  const lower = password.toLowerCase();
  const address = normalisePassword(email).toLowerCase();
  if (lower.includes(address)) return true;
  // The name before the @, with dots or digits around it: "amira.haddad2024".
  const local = compact(address.split('@')[0] ?? '');
  const letters = (text: string) => text.replace(/^\P{L}+|\P{L}+$/gu, '');
  const core = letters(compact(lower));
  return (local.length >= 3 && compact(lower) === local) || (letters(local).length >= 3 && core === letters(local));
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const list = knownPasswords();
  const deleet = [...lower].map((char) => LEET[char] ?? char).join('');
  for (const candidate of new Set([lower, deleet, compact(lower), compact(deleet)])) {
    if (list.has(candidate)) return true;
    // Padding on either end adds little: "password2024!" falls to the same guess list.
    const core = candidate.replace(/^[^a-z]+|[^a-z]+$/g, '');
    if (core.length >= 4 && (list.has(core) || list.has(compact(core)))) return true;
    if (core.length > 0 && CONTEXT_WORDS.some((word) => core.replace(/[^a-z]/g, '') === word)) return true;
    if (/^(.{1,4})\1+$/.test(candidate)) return true;
  }
  return false;
}
