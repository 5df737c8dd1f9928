import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { codeAt, enrol } from './second-factor-helpers';
import { startTestApp, type TestApp } from './test-app';

const PASSWORD = 'a-long-test-password';
// Loopback addresses other than 127.0.0.1: real connections from other clients.
const ATTACKER = '127.0.0.2';
const spread = (count: number, from = 10) => Array.from({ length: count }, (_, i) => `127.0.1.${from + i}`);

/**
 * Issue 20 §6: a lock anyone can provoke must not keep the owner out. Failures are counted
 * per account and client address, with a backstop per account that spares the addresses
 * the owner has succeeded from.
 */
describe.each(databaseTargets())('locks an attacker elsewhere cannot keep up, on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    // A generous per-address allowance of failed sign-ins: these tests are about the account's locks.
    app = await startTestApp(target, { mfaRequired: true, now: () => clock, signInThrottle: { burst: 1000, refillPerMinute: 1000 } });
  });
  afterAll(() => app.close());

  const wrongCode = (secret: string) => ['000000', '111111', '222222', '333333'].find((code) => ![-1, 0, 1].some((drift) => hotp(base32Decode(secret), timeStep(clock) + drift) === code))!;

  it('five wrong passwords from elsewhere lock that address only: the owner signs in from their own at once', async () => {
    const email = (await app.as('caseworker')).session!.user.email;
    for (let i = 0; i < 5; i++) {
      expect((await app.from(ATTACKER).anonymous.request('POST', '/api/v1/sessions', { email, password: `guess-${i}-from-elsewhere` })).status).toBe(401);
    }
    const locked = await app.from(ATTACKER).anonymous.request('POST', '/api/v1/sessions', { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'rate_limited' });
    // The owner's address (the one they signed in from) and a new one are both untouched.
    expect((await app.signIn(email, PASSWORD)).response.status).toBe(201);
    expect((await app.from('127.0.0.3').signIn(email, PASSWORD)).response.status).toBe(201);
  });

  it('guesses spread over many addresses meet the backstop, which still spares the addresses the owner used', async () => {
    const email = (await app.as('caseworker')).session!.user.email;
    for (const address of spread(10)) {
      for (let i = 0; i < 5; i++) await app.from(address).anonymous.request('POST', '/api/v1/sessions', { email, password: `spread-guess-${i}` });
    }
    // Fifty failures: a further address, never used by the owner, is refused even with the right password …
    const fresh = await app.from('127.0.0.4').signIn(email, PASSWORD);
    expect(fresh.response.status).toBe(429);
    expect(Number(fresh.response.headers.get('retry-after'))).toBeGreaterThan(800);
    // … the owner's own address is not.
    expect((await app.signIn(email, PASSWORD)).response.status).toBe(201);
    // The same for an unknown email: the answers tell nothing about whether an account exists.
    for (const address of spread(10, 30)) {
      for (let i = 0; i < 5; i++) await app.from(address).anonymous.request('POST', '/api/v1/sessions', { email: 'nobody-at-all@example.org', password: `spread-guess-${i}` });
    }
    expect((await app.from('127.0.0.4').anonymous.request('POST', '/api/v1/sessions', { email: 'nobody-at-all@example.org', password: PASSWORD })).status).toBe(429);
  });

  it('an attacker holding the password locks only their own address out of the codes; the owner verifies from theirs', async () => {
    const user = await app.as('supervisor');
    const { secret } = await enrol(user, clock);
    const email = user.session!.user.email;
    const { client: attacker } = await app.from(ATTACKER).signIn(email, PASSWORD);
    for (let i = 0; i < 5; i++) expect((await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrongCode(secret) })).status).toBe(401);
    expect((await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrongCode(secret) })).status).toBe(429);
    clock = new Date(clock.getTime() + 60_000);
    const { client: owner } = await app.signIn(email, PASSWORD);
    expect((await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) })).status).toBe(200);
    expect((await owner.request('GET', '/api/v1/persons')).status).toBe(200);
  });

  it('codes guessed from many addresses meet the backstop; the owner still verifies where they did before', async () => {
    const user = await app.as('supervisor');
    const { secret } = await enrol(user, clock);
    const email = user.session!.user.email;
    for (const address of spread(10, 50)) {
      const { client: attacker } = await app.from(address).signIn(email, PASSWORD);
      for (let i = 0; i < 5; i++) await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrongCode(secret) });
    }
    clock = new Date(clock.getTime() + 60_000);
    const { client: elsewhere } = await app.from('127.0.0.5').signIn(email, PASSWORD);
    const refused = await elsewhere.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited' });
    // Enrolment was confirmed from 127.0.0.1: the owner's address keeps its own five.
    const { client: owner } = await app.signIn(email, PASSWORD);
    expect((await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) })).status).toBe(200);
  });

  it('recovery codes cannot be drained or locked by someone holding the password', async () => {
    const user = await app.as('supervisor');
    const { secret, recoveryCodes } = await enrol(user, clock);
    const email = user.session!.user.email;
    const { client: attacker } = await app.from(ATTACKER).signIn(email, PASSWORD);
    // Guessed recovery codes (and wrong codes, to the lock) use up nothing and lock nothing.
    for (let i = 0; i < 30; i++) {
      const guess = await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: `aaaa-bbbb-cccc-${String(i).padStart(4, '0')}` });
      expect(guess.status).toBe(401);
      expect(guess.body).toMatchObject({ code: 'invalid_mfa_code' });
    }
    for (let i = 0; i < 6; i++) await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrongCode(secret) });
    const unused = await app.database.pool.query<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = $1 and used_at is null', [user.userId]);
    expect(unused.rows[0]!.n).toBe(10);
    // The owner's recovery code works from the attacker's address too, where the codes are locked …
    const { client: owner } = await app.from(ATTACKER).signIn(email, PASSWORD);
    expect((await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) })).status).toBe(429);
    expect((await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: recoveryCodes[3]!.toUpperCase() })).status).toBe(200);
    // … once only: two sessions racing with one code cannot both win.
    const [a, b] = await Promise.all([app.signIn(email, PASSWORD), app.signIn(email, PASSWORD)]);
    const raced = await Promise.all([a.client, b.client].map((client) => client.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: recoveryCodes[4]! })));
    expect(raced.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });
});
