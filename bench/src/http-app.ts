import { buildApp, ensureFirstAdmin, UNLIMITED, type RateLimits } from '@waymark/server';
import type { AddressInfo } from 'node:net';
import type { BenchTarget } from './targets';

export const BENCH_ADMIN = { email: 'bench@example.org', password: 'bench-password-not-secret' };
const CASEWORKER_PASSWORD = 'bench caseworker passphrase';

export async function createBenchAdmin(target: BenchTarget): Promise<void> {
  await ensureFirstAdmin(target.database.db, BENCH_ADMIN);
}

export interface BenchSession {
  /** The session's cookies, for clients of its own (the hammer's worker thread). */
  cookie: string;
  get(path: string): Promise<{ status: number; ms: number; body: unknown }>;
  send(method: string, path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export interface BenchHttp extends BenchSession {
  /** Where the server listens. */
  url: string;
  /** An agency-scoped caseworker of the operation's first agency, created through the API. */
  caseworker(operationId: string): Promise<BenchSession>;
  /** A user of any role and scope held by an agency, created through the API and signed in. */
  member(spec: { role: string; scope: string; agencyId: string; operationIds: string[] }): Promise<{ session: BenchSession; userId: string }>;
  close(): Promise<void>;
}

async function signIn(base: string, credentials: { email: string; password: string }): Promise<BenchSession> {
  const response = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 201) throw new Error(`bench sign-in failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    async get(path) {
      const started = process.hrtime.bigint();
      const answer = await fetch(base + path, { headers: { cookie } });
      const body: unknown = await answer.json();
      return { status: answer.status, ms: Number(process.hrtime.bigint() - started) / 1e6, body };
    },
    async send(method, path, body) {
      const answer = await fetch(base + path, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: answer.status, body: answer.status === 204 ? null : ((await answer.json()) as unknown) };
    },
  };
}

/**
 * The real HTTP server on the target database, signed in as the bench administrator.
 * A benchmark install, like an evaluation one, runs without a second factor. Without rate
 * limits unless told: the bench times reads, many of them from one user. With `webDir`, it
 * serves that web build too (the field-link load).
 */
export async function startBenchHttp(target: BenchTarget, rateLimits: RateLimits = UNLIMITED, webDir?: string): Promise<BenchHttp> {
  const app = await buildApp(
    { database: target.database, now: () => new Date(), secureCookies: false, webDir, version: 'bench', mfaRequired: false, keyRing: target.keyRing, rateLimits },
    false,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = await signIn(base, BENCH_ADMIN);
  return {
    ...admin,
    url: base,
    async caseworker(operationId) {
      const agencies = (await admin.get(`/api/v1/operations/${operationId}/agencies`)).body as { items: { id: string; code: string }[] };
      const agency = agencies.items.find((candidate) => candidate.code === 'unhcr') ?? agencies.items[0]!;
      const email = `bench-caseworker-${Date.now()}@example.org`;
      const created = await admin.send('POST', '/api/v1/users', {
        email,
        displayName: 'Bench caseworker',
        role: 'caseworker',
        scope: 'agency',
        agencyId: agency.id,
        operationIds: [operationId],
      });
      if (created.status !== 201) throw new Error(`bench caseworker not created: ${created.status} ${JSON.stringify(created.body)}`);
      const oneTime = (created.body as { oneTimePassword: string }).oneTimePassword;
      const first = await signIn(base, { email, password: oneTime });
      const changed = await first.send('POST', '/api/v1/sessions/current/password', { currentPassword: oneTime, newPassword: CASEWORKER_PASSWORD });
      if (changed.status !== 204) throw new Error(`bench caseworker password change: ${changed.status}`);
      return first;
    },
    async member(spec) {
      const email = `bench-${spec.role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
      const created = await admin.send('POST', '/api/v1/users', { email, displayName: `Bench ${spec.role}`, ...spec });
      if (created.status !== 201) throw new Error(`bench ${spec.role} not created: ${created.status} ${JSON.stringify(created.body)}`);
      const { oneTimePassword, user } = created.body as { oneTimePassword: string; user: { id: string } };
      const first = await signIn(base, { email, password: oneTimePassword });
      const changed = await first.send('POST', '/api/v1/sessions/current/password', { currentPassword: oneTimePassword, newPassword: CASEWORKER_PASSWORD });
      if (changed.status !== 204) throw new Error(`bench ${spec.role} password change: ${changed.status}`);
      return { session: first, userId: user.id };
    },
    close: () => app.close(),
  };
}
