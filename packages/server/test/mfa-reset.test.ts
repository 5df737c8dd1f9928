import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKeys } from '../src/use-cases/sessions/throttle-keys';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

describe.each(databaseTargets())('resetting a lost second factor on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  const enrol = async (userId: string) => {
    await app.database.pool.query(`update users set totp_secret_sealed = 'v1:k1:x:y', totp_confirmed_at = now(), totp_last_step = 1 where id = $1`, [userId]);
    await app.database.pool.query(`insert into recovery_codes (user_id, code_hash) values ($1, decode('00', 'hex'))`, [userId]);
  };

  it('forgets the factor and the recovery codes, ends every session, and audits the reason', async () => {
    const admin = await app.as('administrator');
    const worker = await app.as('supervisor');
    await enrol(worker.userId!);
    const reason = 'Phone lost in the flood; identity checked in person by the supervisor.';
    const reset = await admin.request('POST', `/api/v1/users/${worker.userId}/mfa-reset`, { reason });
    expect(reset.status).toBe(200);
    const row = await app.database.db.selectFrom('users').select(['totp_secret_sealed', 'totp_confirmed_at']).where('id', '=', worker.userId!).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret_sealed: null, totp_confirmed_at: null });
    const codes = await app.database.pool.query('select count(*)::int as n from recovery_codes where user_id = $1', [worker.userId]);
    expect(codes.rows[0].n).toBe(0);
    expect((await worker.request('GET', '/api/v1/sessions/current')).status).toBe(401);
    // A reason's words sit beside the chain (audit_reasons, migration 0030).
    const audited = await app.database.db
      .selectFrom('audit_events as e')
      .leftJoin('audit_reasons as r', (join) => join.onRef('r.chain', '=', 'e.chain').onRef('r.seq', '=', 'e.seq'))
      .select(['r.reason', 'e.actor_id', 'e.details'])
      .where('e.action', '=', 'user.mfa_reset')
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ reason, actor_id: admin.userId, details: { sessionsEnded: 1 } });
  });

  it('needs a written reason, never works on oneself, and a supervisor cannot reset an administrator', async () => {
    const admin = await app.as('administrator');
    const other = await app.as('administrator');
    await enrol(other.userId!);
    const before = await app.database.pool.query(`select count(*)::int as n from audit_events where action = 'user.mfa_reset'`);
    const short = await admin.request('POST', `/api/v1/users/${other.userId}/mfa-reset`, { reason: 'lost' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [expect.objectContaining({ path: '/reason' })] });
    const self = await admin.request('POST', `/api/v1/users/${admin.userId}/mfa-reset`, { reason: 'I lost my own phone somewhere.' });
    expect(self.body).toMatchObject({ code: 'cannot_change_own_access' });
    const supervisor = await app.as('supervisor', undefined, { scope: 'operation' });
    const up = await supervisor.request('POST', `/api/v1/users/${other.userId}/mfa-reset`, { reason: 'Trying to reset a more powerful account.' });
    expect(up.status).toBe(403);
    const after = await app.database.pool.query(`select count(*)::int as n from audit_events where action = 'user.mfa_reset'`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const row = await app.database.db.selectFrom('users').select('totp_secret_sealed').where('id', '=', other.userId!).executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).not.toBeNull();
  });

  it('lifts the locks someone provoked from any address, and replaces the password someone may hold: the owner gets back in', async () => {
    const admin = await app.as('administrator');
    const worker = await app.as('supervisor');
    const email = worker.session!.user.email;
    await enrol(worker.userId!);
    // Locked everywhere: the account's backstop and its own address, for email and codes.
    const pairs = [accountKeys('mfa', worker.userId!, '127.0.0.1'), accountKeys('email', email, '127.0.0.1')];
    const rows = pairs.flatMap((pair) => [[pair.account, null], [pair.address, pair.account]]);
    for (const [key, subject] of rows) {
      await app.database.pool.query(
        `insert into sign_in_throttle (key_hash, subject_hash, lockouts, locked_until) values ($1, $2, 8, now() + interval '64 hours')
         on conflict (key_hash) do update set lockouts = 8, locked_until = now() + interval '64 hours'`,
        [key, subject],
      );
    }
    const keys = rows.map(([key]) => key);
    expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'a-long-test-password' })).status).toBe(429);
    const reset = await admin.request('POST', `/api/v1/users/${worker.userId}/mfa-reset`, { reason: 'Locked out by someone guessing codes; identity checked by phone.' });
    expect(reset.status).toBe(200);
    const { oneTimePassword, user } = reset.body as { oneTimePassword: string; user: { id: string; mustChangePassword: boolean } };
    expect(user).toMatchObject({ id: worker.userId, mustChangePassword: true });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);
    const left = await app.database.pool.query('select count(*)::int as n from sign_in_throttle where key_hash = any($1) and (locked_until > now() or failures > 0)', [keys]);
    expect(left.rows[0].n).toBe(0);
    // The old password (which whoever provoked the lock may hold) no longer opens the account.
    const old = await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'a-long-test-password' });
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({ code: 'invalid_credentials' });
    const back = await app.signIn(email, oneTimePassword);
    expect(back.response.status).toBe(201);
    expect(back.client.session!.user.mustChangePassword).toBe(true);
    // Nothing but the change of password (and signing out) until it is done.
    const blocked = await back.client.request('GET', '/api/v1/persons');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'password_change_required' });
    const same = await back.client.request('POST', '/api/v1/sessions/current/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword });
    expect(same.status).toBe(400);
    const changed = await back.client.request('POST', '/api/v1/sessions/current/password', { currentPassword: oneTimePassword, newPassword: 'a-fresh-passphrase-of-my-own' });
    expect(changed.status).toBe(204);
    expect((await app.signIn(email, 'a-fresh-passphrase-of-my-own')).response.status).toBe(201);
  });
});
