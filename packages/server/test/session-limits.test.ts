import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

describe('session limits', () => {
  it('reads the idle and absolute limits from the environment, within sane bounds', () => {
    const config = loadConfig({ WAYMARK_SESSION_IDLE_MINUTES: '10', WAYMARK_SESSION_MAX_HOURS: '8' });
    expect(config.ok && config.config.sessions).toEqual({ idleMinutes: 10, absoluteHours: 8 });
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config.sessions).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    const bad = loadConfig({ WAYMARK_SESSION_IDLE_MINUTES: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join(' ')).toContain('WAYMARK_SESSION_IDLE_MINUTES');
  });
});

describe.each(databaseTargets())('configured session limits on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, { sessionLimits: { idleMinutes: 10, absoluteHours: 2 } });
  });
  afterAll(() => app.close());

  const ageSession = (userId: string, column: 'last_seen_at' | 'expires_at', minutes: number) =>
    app.database.pool.query(`update sessions set ${column} = now() + make_interval(mins => $2) where user_id = $1`, [userId, minutes]);

  it('ends a session idle for longer than the configured minutes, not before', async () => {
    const user = await app.as('caseworker');
    await ageSession(user.userId!, 'last_seen_at', -9);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(200);
    await ageSession(user.userId!, 'last_seen_at', -11);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(401);
  });

  it('sets the absolute expiry from the configured hours at sign-in', async () => {
    const user = await app.as('caseworker');
    const { rows } = await app.database.pool.query<{ hours: number }>(
      `select round(extract(epoch from (expires_at - created_at)) / 3600)::int as hours from sessions where user_id = $1`,
      [user.userId],
    );
    expect(rows[0]!.hours).toBe(2);
    await ageSession(user.userId!, 'expires_at', -1);
    expect((await user.request('GET', '/api/v1/sessions/current')).status).toBe(401);
  });
});
