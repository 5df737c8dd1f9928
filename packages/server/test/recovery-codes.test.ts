import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { codeAt, enrol } from './second-factor-helpers';
import { startTestApp, type TestApp } from './test-app';

describe.each(databaseTargets())('regenerating recovery codes on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    app = await startTestApp(target, { mfaRequired: true, now: () => clock });
  });
  afterAll(() => app.close());


  it('gives ten new codes for a fresh authenticator code; the old codes and the same code stop working', async () => {
    const user = await app.as('caseworker');
    const { secret, recoveryCodes: old } = await enrol(user, clock);
    clock = new Date(clock.getTime() + 60_000);
    const code = codeAt(secret, clock);
    const fresh = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code });
    expect(fresh.status).toBe(201);
    const codes = (fresh.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(codes.filter((c) => old.includes(c))).toEqual([]);
    // The same authenticator code cannot be used twice.
    const replay = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code });
    expect(replay.body).toMatchObject({ code: 'invalid_mfa_code' });
    const hashes = await app.database.pool.query<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = $1', [user.userId]);
    expect(hashes.rows[0]!.n).toBe(10);
    const audited = await app.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'session.recovery_codes_regenerated' and actor_id = $1`, [user.userId]);
    expect(audited.rows[0]!.n).toBe(1);
  });

  it('refuses without an enrolled factor, with a malformed code, and with a wrong one', async () => {
    // An analyst: a role that may work without a second factor where its operation allows.
    const user = await app.as('analyst');
    expect((await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: '123456' })).status).toBe(404);
    const { secret } = await enrol(user, clock);
    const malformed = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [expect.objectContaining({ path: '/code' })] });
    const wrong = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: codeAt(secret, new Date(clock.getTime() + 900_000)) });
    expect(wrong.status).toBe(401);
  });

  it('a recovery code opens the account while someone holding the password has locked its authenticator codes', async () => {
    const user = await app.as('supervisor');
    const { secret, recoveryCodes } = await enrol(user, clock);
    const email = user.session!.user.email;
    const near = [-1, 0, 1].map((drift) => hotp(base32Decode(secret), timeStep(clock) + drift));
    const wrong = ['000000', '111111', '222222'].find((code) => !near.includes(code))!;
    const { client: attacker } = await app.signIn(email, 'a-long-test-password');
    for (let i = 0; i < 5; i++) await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrong });
    expect((await attacker.request('POST', '/api/v1/sessions/current/mfa/verify', { code: wrong })).status).toBe(429);
    const { client: owner } = await app.signIn(email, 'a-long-test-password');
    expect((await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) })).status).toBe(429);
    const recovered = await owner.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: recoveryCodes[0]! });
    expect(recovered.status).toBe(200);
    expect((await owner.request('GET', '/api/v1/persons')).status).toBe(200);
    // Getting in lifts the lock: the owner's authenticator works again.
    clock = new Date(clock.getTime() + 60_000);
    const { client: later } = await app.signIn(email, 'a-long-test-password');
    expect((await later.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) })).status).toBe(200);
  });
});
