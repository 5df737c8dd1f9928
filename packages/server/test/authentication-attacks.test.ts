import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

const PASSWORD = 'a-long-test-password';
const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };

describe.each(databaseTargets())('attacks on authentication on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    app = await startTestApp(target, { mfaRequired: true, now: () => clock });
  });
  afterAll(() => app.close());

  it('malformed or oversized session cookies get 401, never 500', async () => {
    const cookies = [
      'waymark_session=',
      `waymark_session=${'A'.repeat(6000)}`,
      'waymark_session=%E0%A4%A',
      'waymark_session="unterminated',
      'waymark_session=../../etc/passwd; waymark_session=again',
      '=;;==;waymark_session',
      `waymark_session=${'\u00ff'.repeat(10)}`,
      'waymark_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ];
    for (const cookie of cookies) {
      for (const [method, body] of [['GET', undefined], ['POST', person]] as const) {
        const response = await app.anonymous.request(method, method === 'GET' ? '/api/v1/sessions/current' : '/api/v1/persons', body, { cookie: Buffer.from(cookie, 'latin1').toString('latin1') });
        expect(response.status, cookie.slice(0, 40)).toBe(401);
        expect(response.body).toMatchObject({ code: 'unauthenticated' });
      }
    }
  });

  it('a CSRF token replayed from another session is refused with 403', async () => {
    const victim = await app.as('caseworker');
    const attacker = await app.as('caseworker');
    const replayed = await victim.request('POST', '/api/v1/persons', person, { 'x-csrf-token': attacker.csrfToken! });
    expect(replayed.status).toBe(403);
    expect(replayed.body).toMatchObject({ code: 'csrf_failed' });
    // The same user's other session has another token too.
    const { client: second } = await app.signIn(victim.session!.user.email, PASSWORD);
    expect((await victim.request('POST', '/api/v1/persons', person, { 'x-csrf-token': second.csrfToken! })).status).toBe(403);
  });

  it('brute force on one account: locked after five failures, even for the right password, the same for unknown emails, all audited', async () => {
    const user = await app.as('caseworker');
    const email = user.session!.user.email;
    for (const target of [email, 'nobody-here@example.org']) {
      for (let i = 0; i < 5; i++) {
        const wrong = await app.anonymous.request('POST', '/api/v1/sessions', { email: target, password: `wrong-guess-number-${i}` });
        expect(wrong.status).toBe(401);
        expect(wrong.body).toMatchObject({ code: 'invalid_credentials' });
      }
      const locked = await app.anonymous.request('POST', '/api/v1/sessions', { email: target, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'rate_limited' });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    }
    const audited = await app.database.db
      .selectFrom('audit_events')
      .select(['details', 'outcome', 'ip'])
      .where('action', '=', 'session.sign_in_failed')
      .where('resource_id', '=', user.userId!)
      .orderBy('seq')
      .execute();
    expect(audited).toHaveLength(6);
    expect(audited.every((row) => row.outcome === 'refused' && row.ip === '127.0.0.1')).toBe(true);
    expect(audited.at(-1)!.details).toEqual({ reason: 'locked' });
    // No email in the throttle table, only hashes.
    const keys = await app.database.db.selectFrom('sign_in_throttle').select('key_hash').execute();
    expect(keys.every((row) => !row.key_hash.toString('latin1').includes('@'))).toBe(true);

    // When the lock ends the right password works, and five more failures lock for twice as long.
    await app.database.db.updateTable('sign_in_throttle').set({ locked_until: new Date(Date.now() - 1000) }).execute();
    for (let i = 0; i < 5; i++) await app.anonymous.request('POST', '/api/v1/sessions', { email, password: `wrong-again-${i}` });
    const longer = await app.anonymous.request('POST', '/api/v1/sessions', { email, password: PASSWORD });
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(1700);
    await app.database.db.updateTable('sign_in_throttle').set({ locked_until: new Date(Date.now() - 1000) }).execute();
    expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: PASSWORD })).status).toBe(201);
  });

  it('brute force from one address across many accounts is throttled per address', async () => {
    const throttled = await startTestApp(target, { signInThrottle: { burst: 3, refillPerMinute: 1 } });
    try {
      const user = await throttled.as('caseworker');
      for (let i = 0; i < 3; i++) {
        expect((await throttled.anonymous.request('POST', '/api/v1/sessions', { email: `spray-${i}@example.org`, password: PASSWORD })).status).toBe(401);
      }
      const refused = await throttled.anonymous.request('POST', '/api/v1/sessions', { email: user.session!.user.email, password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const audited = await throttled.database.db.selectFrom('audit_events').select('details').where('action', '=', 'session.sign_in_failed').execute();
      expect(audited.map((row) => row.details)).toContainEqual({ reason: 'address_throttled' });
    } finally {
      await throttled.close();
    }
  });

  it('a TOTP code is accepted once: replay in the same or another session is refused', async () => {
    const user = await app.as('supervisor');
    const started = await user.request('POST', '/api/v1/sessions/current/mfa');
    const secret = base32Decode((started.body as { secret: string }).secret);
    const code = () => hotp(secret, timeStep(clock));
    expect((await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: code() })).status).toBe(200);
    const email = user.session!.user.email;

    const first = await app.signIn(email, PASSWORD);
    const replayOfConfirm = await first.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: code() });
    expect(replayOfConfirm.status).toBe(401);
    expect(replayOfConfirm.body).toMatchObject({ code: 'invalid_mfa_code' });
    clock = new Date(clock.getTime() + 30_000);
    const used = code();
    expect((await first.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: used })).status).toBe(200);
    const second = await app.signIn(email, PASSWORD);
    expect((await second.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: used })).status).toBe(401);
    // An older code (one step back, inside the drift window) is refused too: steps only move forward.
    clock = new Date(clock.getTime() + 30_000);
    expect((await second.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: used })).status).toBe(401);
    const refusals = await app.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'session.mfa_failed').where('actor_id', '=', user.userId!).execute();
    expect(refusals).toHaveLength(3);
    // Five wrong codes in a row (two replays, three guesses) lock the second factor, even against the right code.
    for (let i = 0; i < 3; i++) await second.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: '000000' });
    const locked = await second.client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: code() });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).not.toBeNull();
  });

  it('parallel wrong codes: exactly five are checked before the lock, and no lock lasts more than an hour', async () => {
    const user = await app.as('supervisor');
    const started = await user.request('POST', '/api/v1/sessions/current/mfa');
    const secret = base32Decode((started.body as { secret: string }).secret);
    expect((await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: hotp(secret, timeStep(clock)) })).status).toBe(200);
    const { client: pending } = await app.signIn(user.session!.user.email, PASSWORD);
    // A code wrong at every step of the drift window.
    const near = [-1, 0, 1].map((drift) => hotp(secret, timeStep(clock) + drift));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!;
    const answers = await Promise.all(Array.from({ length: 30 }, () => pending.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrong })));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(25);
    const checked = await app.database.db.selectFrom('audit_events').select('seq').where('action', '=', 'session.mfa_failed').where('actor_id', '=', user.userId!).execute();
    expect(checked).toHaveLength(5);
    // The lock doubles while wrong codes keep coming (15, 30, 60 minutes), then stays at an hour.
    for (const longest of [1800, 3600, 3600, 3600]) {
      await app.database.pool.query('update sign_in_throttle set locked_until = now() - interval \'1 second\' where locked_until > now()');
      for (let i = 0; i < 5; i++) await pending.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrong });
      const locked = await pending.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrong });
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(longest - 60);
      expect(retryAfter).toBeLessThanOrEqual(longest);
    }
  });

  it('parallel wrong passwords: exactly five are checked before the email is locked', async () => {
    // Its own app, so these failures do not spend the address's allowance the other tests share.
    const own = await startTestApp(target, { signInThrottle: { burst: 100, refillPerMinute: 100 } });
    try {
      const email = (await own.as('analyst')).session!.user.email;
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => own.anonymous.request('POST', '/api/v1/sessions', { email, password: `wrong-guess-in-parallel-${i}` })));
      expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(7);
    } finally {
      await own.close();
    }
  });

  it('a disabled account cannot sign in, and its open sessions are dead', async () => {
    const user = await app.as('caseworker');
    await app.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.userId!).execute();
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(401);
    const refused = await app.anonymous.request('POST', '/api/v1/sessions', { email: user.session!.user.email, password: PASSWORD });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'invalid_credentials' });
    const audited = await app.database.db.selectFrom('audit_events').select('details').where('action', '=', 'session.sign_in_failed').where('resource_id', '=', user.userId!).execute();
    expect(audited).toEqual([{ details: { reason: 'disabled' } }]);
  });
});
