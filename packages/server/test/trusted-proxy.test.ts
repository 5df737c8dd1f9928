import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { fastifyTrustProxy } from '../src/trusted-proxies';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

const PASSWORD = 'a-long-test-password';

describe('WAYMARK_TRUST_PROXY', () => {
  it('takes a hop count or the proxies’ addresses and networks, and nothing that trusts every sender', () => {
    const read = (value: string) => loadConfig({ WAYMARK_TRUST_PROXY: value });
    expect(loadConfig({})).toMatchObject({ ok: true, config: { trustProxy: undefined } });
    expect(read('1')).toMatchObject({ ok: true, config: { trustProxy: 1 } });
    expect(read('10.0.0.5, 10.1.0.0/16,fd00::/64,loopback')).toMatchObject({ ok: true, config: { trustProxy: ['10.0.0.5', '10.1.0.0/16', 'fd00::/64', 'loopback'] } });
    for (const bad of ['true', '*', '0.0.0.0/0', '::/0', '0', '11', 'proxy.example.org', '10.0.0.0/40', '10.0.0.1/8/2', '']) {
      const result = read(bad);
      if (bad === '') {
        expect(result.ok).toBe(true);
        continue;
      }
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.problems.join(' ')).toContain('WAYMARK_TRUST_PROXY');
    }
  });
  it('a hop count trusts exactly that many proxies back from the server', () => {
    const trust = fastifyTrustProxy(2);
    expect(typeof trust).toBe('function');
    if (typeof trust !== 'function') return;
    expect([0, 1, 2, 3].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false, false]);
    expect(fastifyTrustProxy(undefined)).toBe(false);
  });
});

/**
 * Behind a reverse proxy every connection comes from the proxy: without naming it, five
 * wrong passwords from one guesser lock the account for everyone behind it. Named, the
 * address the proxy forwards is counted; anyone else's X-Forwarded-For is ignored.
 */
describe.each(databaseTargets())('sign-in locks behind a trusted proxy, on $name PostgreSQL', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, { trustProxy: ['127.0.0.1'], signInThrottle: { burst: 1000, refillPerMinute: 1000 } });
  });
  afterAll(() => app.close());

  const forwardedFor = (client: string) => ({ 'x-forwarded-for': client });

  it('counts the client the proxy names: a guesser behind it locks only themself', async () => {
    const email = (await app.as('caseworker')).session!.user.email;
    for (let i = 0; i < 5; i++) {
      const guess = await app.anonymous.request('POST', '/api/v1/sessions', { email, password: `guess-${i}` }, forwardedFor('198.51.100.7'));
      expect(guess.status).toBe(401);
    }
    const guesser = await app.anonymous.request('POST', '/api/v1/sessions', { email, password: PASSWORD }, forwardedFor('198.51.100.7'));
    expect(guesser.status).toBe(429);
    // The owner reaches the same proxy from their own office and is not locked out.
    const owner = await app.anonymous.request('POST', '/api/v1/sessions', { email, password: PASSWORD }, forwardedFor('203.0.113.20'));
    expect(owner.status).toBe(201);
  });

  it('ignores X-Forwarded-For from a sender that is not the proxy: a new made-up address per guess counts as one', async () => {
    const email = (await app.as('caseworker')).session!.user.email;
    const direct = app.from('127.0.0.2').anonymous;
    for (let i = 0; i < 5; i++) {
      expect((await direct.request('POST', '/api/v1/sessions', { email, password: `spoof-${i}` }, forwardedFor(`192.0.2.${i + 1}`))).status).toBe(401);
    }
    const spoofed = await direct.request('POST', '/api/v1/sessions', { email, password: PASSWORD }, forwardedFor('192.0.2.99'));
    expect(spoofed.status).toBe(429);
  });
});
