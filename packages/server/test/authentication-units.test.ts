import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIpThrottle } from '../src/use-cases/sessions/ip-throttle';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from '../src/use-cases/sessions/password-policy';
import { hashRecoveryCode, newRecoveryCodes } from '../src/use-cases/sessions/recovery-codes';
import { base32Decode, base32Encode, hotp, verifyTotp } from '../src/use-cases/sessions/totp';

describe('TOTP (RFC 6238, SHA-1)', () => {
  const secret = Buffer.from('12345678901234567890');
  // RFC 6238 appendix B, SHA-1 column (8 digits there; the last 6 are the 6-digit code).
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s gives %s', (seconds, expected) => {
    expect(hotp(secret, Math.floor(seconds / 30), 8)).toBe(expected);
    expect(hotp(secret, Math.floor(seconds / 30))).toBe(expected.slice(2));
  });

  it('accepts one step of drift, refuses older steps than the last used one', () => {
    const base32 = base32Encode(secret);
    expect(base32Decode(base32).equals(secret)).toBe(true);
    const at = new Date(1111111111_000);
    const previous = hotp(secret, Math.floor(1111111111 / 30) - 1);
    const step = verifyTotp(base32, previous, at, null);
    expect(step).toBe(Math.floor(1111111111 / 30) - 1);
    expect(verifyTotp(base32, previous, at, step)).toBeNull();
    expect(verifyTotp(base32, hotp(secret, Math.floor(1111111111 / 30) - 2), at, null)).toBeNull();
    expect(verifyTotp(base32, 'abcdef', at, null)).toBeNull();
  });
});

describe('password policy', () => {
  it.each(['password1234', 'Password1234!', 'p@ssw0rd2024', 'qwertyuiop12', '123456789012', 'iloveyou2024', 'aaaaaaaaaaaa', 'abcdabcdabcd', 'waymark-2026', 'Refugee12345'])(
    'refuses %s as too common',
    (password) => {
      expect(checkPasswordPolicy(password)).toMatchObject({ ok: false, error: { code: 'password_too_common' } });
    },
  );
  it('refuses well-known passphrases, breached passwords of the allowed length, and the owner\'s email', () => {
    for (const password of ['correcthorsebatterystaple', 'correct-horse-battery-staple', 'Correct Horse Battery Staple!', 'sleepyhollow', 'SleepyHollow2024']) {
      expect(checkPasswordPolicy(password), password).toMatchObject({ ok: false, error: { code: 'password_too_common' } });
    }
    expect(checkPasswordPolicy('amira.haddad@example.org', { email: 'amira.haddad@example.org' })).toMatchObject({ ok: false, error: { code: 'password_is_email' } });
    expect(checkPasswordPolicy('AmiraHaddad-2024', { email: 'amira.haddad@example.org' })).toMatchObject({ ok: false, error: { code: 'password_is_email' } });
    expect(checkPasswordPolicy('AmiraHaddad-2024', { email: 'someone.else@example.org' })).toMatchObject({ ok: true });
  });

  it('ships at least 3,000 breached passwords long enough to pass the length rule (ASVS 6.2.4)', () => {
    const lines = readFileSync(new URL('../src/use-cases/sessions/breached-passwords.txt', import.meta.url), 'utf8').split('\n');
    const passwords = lines.slice(lines.findIndex((line) => !line.startsWith('#'))).filter((line) => line !== '');
    expect(passwords.filter((password) => [...password].length >= PASSWORD_MIN_LENGTH).length).toBeGreaterThanOrEqual(3000);
    // Every one of them is refused, not only listed.
    for (const password of passwords.filter((_, i) => i % 500 === 0)) {
      expect(checkPasswordPolicy(password), password).toMatchObject({ ok: false });
    }
  });

  it('refuses short ones and accepts long uncommon ones', () => {
    expect(checkPasswordPolicy('short')).toMatchObject({ ok: false, error: { code: 'password_too_short' } });
    for (const password of ['a-long-test-password', 'lantern-orchard-basalt', 'كلمة-سر-طويلة-جدا']) {
      expect(checkPasswordPolicy(password), password).toMatchObject({ ok: true });
    }
  });
});

describe('recovery codes', () => {
  it('are ten distinct 80-bit codes, matched ignoring case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replaceAll('-', ' '))).toEqual(hashRecoveryCode(codes[0]!));
  });
});

describe('per-address throttle', () => {
  it('lets a burst of failures through, then one per refill interval', () => {
    let now = 0;
    const throttle = createIpThrottle({ burst: 3, refillPerMinute: 2 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('a')).toBe(0);
      throttle.fail('a');
    }
    expect(throttle.retryAfter('a')).toBe(30);
    expect(throttle.retryAfter('b')).toBe(0);
    now = 30_000;
    expect(throttle.retryAfter('a')).toBe(0);
  });
  it('forgets the oldest address when full', () => {
    const throttle = createIpThrottle({ burst: 1, refillPerMinute: 1, maxAddresses: 2 }, () => 0);
    throttle.fail('a');
    throttle.fail('b');
    throttle.fail('c');
    expect(throttle.retryAfter('a')).toBe(0);
    expect(throttle.retryAfter('c')).toBeGreaterThan(0);
  });
});
