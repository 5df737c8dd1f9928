import { buildApp, ensureFirstAdmin } from '@waymark/server';
import type { AddressInfo } from 'node:net';
import type { BenchTarget } from './targets';

export const BENCH_ADMIN = { email: 'bench@example.org', password: 'bench-password-not-secret' };

export async function createBenchAdmin(target: BenchTarget): Promise<void> {
  await ensureFirstAdmin(target.database.db, BENCH_ADMIN);
}

export interface BenchHttp {
  get(path: string): Promise<{ status: number; ms: number; body: unknown }>;
  close(): Promise<void>;
}

/** The real HTTP server on the target database, signed in as the bench administrator. */
export async function startBenchHttp(target: BenchTarget): Promise<BenchHttp> {
  const app = await buildApp({ database: target.database, now: () => new Date(), secureCookies: false, webDir: undefined, version: 'bench' }, false);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const signIn = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (signIn.status !== 201) throw new Error(`bench sign-in failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    async get(path) {
      const started = process.hrtime.bigint();
      const response = await fetch(base + path, { headers: { cookie } });
      const body: unknown = await response.json();
      return { status: response.status, ms: Number(process.hrtime.bigint() - started) / 1e6, body };
    },
    close: () => app.close(),
  };
}
