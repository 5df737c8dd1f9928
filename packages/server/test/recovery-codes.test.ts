import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

describe.each(databaseTargets())('regenerating recovery codes on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-03-01T10:00:00Z');
  const codeAt = (secret: string, at: Date) => hotp(base32Decode(secret), timeStep(at));
  beforeAll(async () => {
    app = await startTestApp(target, { mfaRequired: true, now: () => clock });
  });
  afterAll(() => app.close());

  async function enrol(user: Client) {
    const { secret } = (await user.request('POST', '/api/v1/sessions/current/mfa')).body as { secret: string };
    const confirmed = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: codeAt(secret, clock) });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
  }

  it('gives ten new codes for a fresh authenticator code; the old codes and the same code stop working', async () => {
    const user = await app.as('caseworker');
    const { secret, recoveryCodes: old } = await enrol(user);
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
    const user = await app.as('caseworker');
    expect((await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: '123456' })).status).toBe(404);
    const { secret } = await enrol(user);
    const malformed = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [expect.objectContaining({ path: '/code' })] });
    const wrong = await user.request('POST', '/api/v1/sessions/current/mfa/recovery-codes', { code: codeAt(secret, new Date(clock.getTime() + 900_000)) });
    expect(wrong.status).toBe(401);
  });
});
