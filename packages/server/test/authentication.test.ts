import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllSessionsOf } from '../src/db/sessions-repository';
import { buildApp } from '../src/http/app';
import { OPERATIONS } from '../src/http/openapi-document';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const SOME_ID = '0190a4e0-0000-7000-8000-000000000000';
const PASSWORD = 'a-long-test-password';
const person = { givenName: 'Hawa', familyName: 'Abdi', sex: 'female', birthYear: 1999 };

describe.each(databaseTargets())('CSRF, password policy, sessions and headers on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  it('sign-in sets an HttpOnly session cookie and a readable SameSite=Strict CSRF cookie, and returns the token', async () => {
    const user = await app.as('caseworker');
    const { response } = await app.signIn(user.session!.user.email, PASSWORD);
    expect(response.status).toBe(201);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((line) => line.startsWith('waymark_session='))!;
    const csrf = cookies.find((line) => line.startsWith('waymark_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    const token = (response.body as { csrfToken: string }).csrfToken;
    expect(csrf).toContain(`waymark_csrf=${token}`);
  });

  it('refuses a change without this session’s token and writes nothing; a reloaded page gets the token back', async () => {
    const user = await app.as('caseworker');
    const other = await app.as('caseworker');
    const before = await app.database.db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const headers of [{ 'x-csrf-token': '' }, { 'x-csrf-token': other.csrfToken! }, { 'x-csrf-token': 'x'.repeat(500) }]) {
      const refused = await user.request('POST', '/api/v1/persons', person, headers);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'csrf_failed' });
    }
    const after = await app.database.db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const audited = await app.database.db.selectFrom('audit_events').select(['outcome']).where('action', '=', 'session.csrf_refused').where('actor_id', '=', user.userId!).execute();
    expect(audited).toHaveLength(3);
    expect(audited.every((row) => row.outcome === 'refused')).toBe(true);

    const current = await user.request('GET', '/api/v1/sessions/current');
    expect((current.body as { csrfToken: string }).csrfToken).toBe(user.csrfToken);
    expect((await user.request('POST', '/api/v1/persons', person)).status).toBe(201);
  });

  it.each(OPERATIONS.filter((op) => op.method !== 'get' && !(op.method === 'post' && op.path === '/api/v1/sessions')).map((op) => [op.method.toUpperCase(), op.path] as const))(
    '%s %s refuses a signed-in session without x-csrf-token',
    async (method, path) => {
      const user = await app.as('administrator');
      const response = await user.request(method, path.replace('{id}', SOME_ID), method === 'DELETE' ? undefined : {}, { 'x-csrf-token': '' });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'csrf_failed' });
    },
  );

  it('a token is dead once its session ends: sign-out needs it, and a new session gets a new one', async () => {
    const user = await app.as('caseworker');
    expect((await user.request('DELETE', '/api/v1/sessions/current', undefined, { 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    expect((await user.request('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    expect((await user.request('POST', '/api/v1/persons', person)).status).toBe(401);
    const again = await app.signIn(user.session!.user.email, PASSWORD);
    expect(again.client.csrfToken).not.toBe(user.csrfToken);
    const stale = await again.client.request('POST', '/api/v1/persons', person, { 'x-csrf-token': user.csrfToken! });
    expect(stale.body).toMatchObject({ code: 'csrf_failed' });
  });

  it('refuses a common password at /newPassword, disguised or not', async () => {
    const user = await app.as('caseworker');
    for (const newPassword of ['password1234', 'P@ssw0rd2024!', 'qwertyuiop1234', 'Waymark2026!!', 'abcabcabcabc']) {
      const refused = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: PASSWORD, newPassword });
      expect(refused.status, newPassword).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: '/newPassword', code: 'password_too_common' })] });
    }
    const hash = await app.database.db.selectFrom('users').select('password_hash').where('id', '=', user.userId!).executeTakeFirstOrThrow();
    expect((await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: PASSWORD, newPassword: 'lantern-orchard-basalt' })).status).toBe(204);
    const changed = await app.database.db.selectFrom('users').select('password_hash').where('id', '=', user.userId!).executeTakeFirstOrThrow();
    expect(changed.password_hash).not.toBe(hash.password_hash);
  });

  it('deleteAllSessionsOf ends every session of a user at once', async () => {
    const user = await app.as('caseworker');
    const { client: second } = await app.signIn(user.session!.user.email, PASSWORD);
    expect((await second.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    await deleteAllSessionsOf(app.database.db, user.userId!);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(401);
    expect((await second.request('GET', '/api/v1/sessions/current')).status).toBe(401);
  });

  it('API and HTML responses carry the security headers, HSTS only behind TLS', async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'waymark-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Waymark</title>');
    for (const secureCookies of [true, false]) {
      const server = await buildApp({ database: app.database, now: () => new Date(), secureCookies, webDir, version: 'test', mfaRequired: false }, false);
      for (const url of ['/api/v1/health', '/', '/people']) {
        const response = await server.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-security-policy']).toContain("default-src 'self'");
        expect(response.headers['permissions-policy']).toContain('camera=()');
        expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['strict-transport-security']).toBe(secureCookies ? 'max-age=31536000; includeSubDomains' : undefined);
      }
      await server.close();
    }
  });
});

describe.each(databaseTargets())('second factor (TOTP) on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-03-01T10:00:00Z');
  const codeAt = (secret: string, at: Date) => hotp(base32Decode(secret), timeStep(at));
  beforeAll(async () => {
    app = await startTestApp(target, { mfaRequired: true, now: () => clock });
  });
  afterAll(() => app.close());

  async function enrol(user: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await user.request('POST', '/api/v1/sessions/current/mfa');
    expect(started.status).toBe(201);
    const { secret, otpauthUri } = started.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Waymark%3A.+\?secret=[A-Z2-7]+&issuer=Waymark&algorithm=SHA1&digits=6&period=30$/);
    const confirmed = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: codeAt(secret, clock) });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes };
  }

  it('administrators and supervisors can do nothing but enrol until they have a second factor', async () => {
    for (const role of ['administrator', 'supervisor'] as const) {
      const user = await app.as(role);
      expect(user.session!.mfa).toEqual({ enrolled: false, enrolmentRequired: true, verificationPending: false, relaxed: false });
      const blocked = await user.request('GET', '/api/v1/persons');
      expect(blocked.status).toBe(403);
      expect(blocked.body).toMatchObject({ code: 'mfa_enrolment_required' });
      await enrol(user);
      expect((await user.request('GET', '/api/v1/persons')).status).toBe(200);
    }
    const analyst = await app.as('analyst');
    expect(analyst.session!.mfa.enrolmentRequired).toBe(false);
    expect((await analyst.request('GET', '/api/v1/reports/risk-by-area')).status).toBe(200);
  });

  it('every role that reads highly sensitive content is sent to enrol: no note, no subject-access file with a password alone', async () => {
    for (const role of ['protection_officer', 'child_protection_officer', 'caseworker', 'partner_caseworker'] as const) {
      const user = await app.as(role);
      expect(user.session!.mfa, role).toEqual({ enrolled: false, enrolmentRequired: true, verificationPending: false, relaxed: false });
      for (const path of [`/api/v1/persons/${SOME_ID}/protection-notes`, `/api/v1/persons/${SOME_ID}/export`, '/api/v1/persons']) {
        const blocked = await user.request('GET', path);
        expect(blocked.status, `${role} ${path}`).toBe(403);
        expect(blocked.body).toMatchObject({ code: 'mfa_enrolment_required' });
      }
      // Led to enrol, not locked out: enrolment is open to the same session, and then the work.
      await enrol(user);
      expect((await user.request('GET', '/api/v1/persons')).status, role).toBe(200);
    }
  });

  it('enrolling a second factor ends the sessions opened with the password alone', async () => {
    const user = await app.as('supervisor');
    const { client: elsewhere } = await app.signIn(user.session!.user.email, PASSWORD);
    expect((await elsewhere.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    await enrol(user);
    expect((await elsewhere.request('GET', '/api/v1/sessions/current')).status).toBe(401);
    expect((await elsewhere.request('GET', '/api/v1/persons')).status).toBe(401);
    // The session that showed the code stays.
    expect((await user.request('GET', '/api/v1/persons')).status).toBe(200);
  });

  it('administrators set whether an operation requires a second factor of everyone: audited, bad input refused', async () => {
    const admin = await app.as('administrator');
    await enrol(admin);
    const path = `/api/v1/operations/${app.operationId}/security`;
    expect((await admin.request('GET', path)).body).toEqual({ mfaRequired: false });
    const bad = await admin.request('PUT', path, { mfaRequired: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/mfaRequired' })] });
    const extra = await admin.request('PUT', path, { mfaRequired: true, everyone: true });
    expect(extra.status).toBe(400);
    const analyst = await app.as('analyst');
    expect((await analyst.request('PUT', path, { mfaRequired: false })).status).toBe(403);
    expect((await admin.request('GET', path)).body).toEqual({ mfaRequired: false });
    try {
      const set = await admin.request('PUT', path, { mfaRequired: true });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ mfaRequired: true });
      expect((await admin.request('GET', path)).body).toEqual({ mfaRequired: true });
      // The analyst's open session is sent to enrol at its next request.
      expect((await analyst.request('GET', '/api/v1/reports/risk-by-area')).body).toMatchObject({ code: 'mfa_enrolment_required' });
      const audited = await app.database.db.selectFrom('audit_events').select(['actor_id', 'operation_id', 'details']).where('action', '=', 'operation.mfa_policy_set').execute();
      expect(audited).toEqual([{ actor_id: admin.userId, operation_id: app.operationId, details: { mfaRequired: true, was: false } }]);
    } finally {
      await app.database.db.updateTable('operations').set({ mfa_required: false }).where('id', '=', app.operationId).execute();
    }
  });

  it('an operation can require it of everyone', async () => {
    await app.database.db.updateTable('operations').set({ mfa_required: true }).where('id', '=', app.operationId).execute();
    try {
      const analyst = await app.as('analyst');
      expect((await analyst.request('GET', '/api/v1/reports/risk-by-area')).body).toMatchObject({ code: 'mfa_enrolment_required' });
    } finally {
      await app.database.db.updateTable('operations').set({ mfa_required: false }).where('id', '=', app.operationId).execute();
    }
  });

  it('stores the secret sealed and the recovery codes hashed; a wrong confirmation code is refused', async () => {
    const user = await app.as('caseworker');
    const started = await user.request('POST', '/api/v1/sessions/current/mfa');
    const { secret } = started.body as { secret: string };
    const wrong = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: codeAt(secret, new Date(clock.getTime() + 600_000)) });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_mfa_code' });
    const bad = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: '12ab' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/code' })] });
    const confirmed = await user.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: codeAt(secret, clock) });
    const codes = (confirmed.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const row = await app.database.db.selectFrom('users').select(['totp_secret_sealed']).where('id', '=', user.userId!).executeTakeFirstOrThrow();
    expect(row.totp_secret_sealed).toMatch(/^v1:/);
    expect(row.totp_secret_sealed).not.toContain(secret);
    const stored = await app.database.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.userId!).execute();
    expect(stored).toHaveLength(10);
    expect(stored.some((r) => r.code_hash.toString('utf8').includes(codes[0]!))).toBe(false);
    expect((await user.request('POST', '/api/v1/sessions/current/mfa')).body).toMatchObject({ code: 'mfa_already_enrolled' });
  });

  it('sign-in becomes two steps; the first opens nothing but the second', async () => {
    const user = await app.as('administrator');
    const { secret } = await enrol(user);
    const email = user.session!.user.email;
    clock = new Date(clock.getTime() + 30_000);
    const { response, client } = await app.signIn(email, PASSWORD);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ operations: [], abilities: [], mfa: { verificationPending: true, enrolled: true } });
    expect((await client.request('GET', '/api/v1/persons')).body).toMatchObject({ code: 'mfa_verification_required' });
    expect((await client.request('POST', '/api/v1/persons', person)).body).toMatchObject({ code: 'mfa_verification_required' });
    const verified = await client.request('POST', '/api/v1/sessions/current/mfa/verify', { code: codeAt(secret, clock) });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ mfa: { verificationPending: false }, operations: [expect.objectContaining({ id: app.operationId })] });
    expect((await client.request('GET', '/api/v1/persons')).status).toBe(200);
    const audit = await app.database.db.selectFrom('audit_events').select('details').where('action', '=', 'session.mfa_verified').where('actor_id', '=', user.userId!).execute();
    expect(audit).toEqual([{ details: { method: 'totp' } }]);
  });

  it('a recovery code works once', async () => {
    const user = await app.as('supervisor');
    const { recoveryCodes } = await enrol(user);
    const email = user.session!.user.email;
    const first = await app.signIn(email, PASSWORD);
    expect((await first.client.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: recoveryCodes[3]!.toUpperCase() })).status).toBe(200);
    const second = await app.signIn(email, PASSWORD);
    const reused = await second.client.request('POST', '/api/v1/sessions/current/mfa/verify', { recoveryCode: recoveryCodes[3]! });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'invalid_mfa_code' });
    expect((await second.client.request('GET', '/api/v1/persons')).status).toBe(403);
  });

  it('WAYMARK_MFA_REQUIRED=false lets administrators work unenrolled and says so in every session', async () => {
    const relaxed = await startTestApp(target, { mfaRequired: false });
    try {
      const admin = await relaxed.as('administrator');
      expect(admin.session!.mfa).toMatchObject({ relaxed: true, enrolmentRequired: false });
      expect((await admin.request('GET', '/api/v1/persons')).status).toBe(200);
      expect((await admin.request('GET', '/api/v1/sessions/current')).body).toMatchObject({ mfa: { relaxed: true } });
    } finally {
      await relaxed.close();
    }
  });
});
