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
});
