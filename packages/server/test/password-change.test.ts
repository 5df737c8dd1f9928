import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

describe.each(databaseTargets())('one-time password on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app.close());

  it('allows nothing but changing it, then ends the other sessions', async () => {
    const user = await app.as('administrator');
    const other = await app.as('caseworker');
    const userId = user.session!.user.id;
    await app.database.db.updateTable('users').set({ must_change_password: true }).where('id', '=', userId).execute();
    // A second session of the same account, opened elsewhere.
    await app.database.db.updateTable('users').set({ email: 'same@example.org' }).where('id', '=', userId).execute();
    const elsewhere = await app.anonymous.request('POST', '/api/v1/sessions', { email: 'same@example.org', password: 'a-long-test-password' });
    expect(elsewhere.body).toMatchObject({ user: { mustChangePassword: true } });

    expect((await user.request('GET', '/api/v1/sessions/current')).body).toMatchObject({ user: { mustChangePassword: true } });
    const blocked = await user.request('GET', '/api/v1/persons');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'password_change_required' });

    const wrong = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'nope', newPassword: 'a-brand-new-password' });
    expect(wrong.status).toBe(401);
    const short = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'a-long-test-password', newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [expect.objectContaining({ path: '/newPassword', code: 'too_small' })] });
    const same = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'a-long-test-password', newPassword: 'a-long-test-password' });
    expect(same.body).toMatchObject({ errors: [expect.objectContaining({ code: 'password_unchanged' })] });
    expect((await user.request('GET', '/api/v1/persons')).status).toBe(403);

    const changed = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'a-long-test-password', newPassword: 'a-brand-new-password' });
    expect(changed.status).toBe(204);
    expect((await user.request('GET', '/api/v1/persons')).status).toBe(200);
    const sessions = await app.database.db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute();
    expect(sessions).toHaveLength(1);
    // Unaffected: another account's session.
    expect((await other.request('GET', '/api/v1/persons')).status).toBe(200);
    const signIn = await app.anonymous.request('POST', '/api/v1/sessions', { email: 'same@example.org', password: 'a-brand-new-password' });
    expect(signIn.body).toMatchObject({ user: { mustChangePassword: false } });
  });

  it('refuses the one-time password however it is typed, the own email, well-known passphrases and breached passwords', async () => {
    const user = await app.as('caseworker');
    const email = user.session!.user.email;
    await app.database.db.updateTable('users').set({ must_change_password: true }).where('id', '=', user.userId!).execute();
    const attempt = (newPassword: string) => user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'a-long-test-password', newPassword });
    const refusals: [string, string][] = [
      // The one-time password again, in full-width letters: the same password once normalised.
      ['ａ-ｌｏｎｇ-ｔｅｓｔ-ｐａｓｓｗｏｒｄ', 'password_unchanged'],
      [email, 'password_is_email'],
      [`${email.split('@')[0]}.2026`, 'password_is_email'],
      ['correcthorsebatterystaple', 'password_too_common'],
      ['Correct Horse Battery Staple', 'password_too_common'],
      ['SleepyHollow', 'password_too_common'],
    ];
    for (const [newPassword, code] of refusals) {
      const refused = await attempt(newPassword);
      expect(refused.status, newPassword).toBe(400);
      expect(refused.body, newPassword).toMatchObject({ errors: [expect.objectContaining({ path: '/newPassword', code })] });
    }
    expect((await user.request('GET', '/api/v1/persons')).body).toMatchObject({ code: 'password_change_required' });
  });

  it('checks and hashes the same normalised (NFKC) password: typed on another keyboard layout, it still signs in', async () => {
    const user = await app.as('caseworker');
    const email = user.session!.user.email;
    // Full-width letters and an Arabic-Indic digit-free phrase: NFKC makes them plain Latin.
    const changed = await user.request('POST', '/api/v1/sessions/current/password', { currentPassword: 'a-long-test-password', newPassword: 'ｒｉｖｅｒ ｌａｎｔｅｒｎ ｍｏｒｎｉｎｇ' });
    expect(changed.status).toBe(204);
    expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'river lantern morning' })).status).toBe(201);
    expect((await app.anonymous.request('POST', '/api/v1/sessions', { email, password: 'ｒｉｖｅｒ ｌａｎｔｅｒｎ ｍｏｒｎｉｎｇ' })).status).toBe(201);
  });
});
