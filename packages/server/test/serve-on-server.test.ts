import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { databaseTargets, freshDatabase } from './database-targets';
import { exited, spawnServe, type ServeProcess } from './serve-process';
import { generateKey } from '../src/crypto/key-ring';

const WAYMARK_KEYS = JSON.stringify({ active: 'k1', keys: { k1: generateKey().toString('base64') } });

const server = databaseTargets().filter((target) => target.name === 'server');

// `DATABASE_URL=postgres://… npm start`: the same serve command, on a PostgreSQL server.
describe.skipIf(server.length === 0)('waymark serve with DATABASE_URL', () => {
  let database: DatabaseHandle;
  let serve: ServeProcess;
  beforeAll(async () => {
    database = await freshDatabase(server[0]!);
    serve = await spawnServe({ DATABASE_URL: database.url, WAYMARK_KEYS, WAYMARK_ADMIN_EMAIL: 'admin@example.org', WAYMARK_ADMIN_PASSWORD: 'a-long-admin-password' });
  });
  afterAll(async () => {
    serve?.child.kill('SIGTERM');
    if (serve) await exited(serve.child);
    await database?.close();
  });

  it('uses the server, migrated, and says so on /health', async () => {
    const health = (await (await fetch(`${serve.url}/api/v1/health`)).json()) as { database: string };
    expect(health).toEqual({ status: 'ok', database: 'server' });
    const { rows } = await database.pool.query<{ server_version: string; n: string }>(
      'select current_setting($1) as server_version, (select count(*) from schema_migrations) as n',
      ['server_version'],
    );
    expect(rows[0]!.server_version).not.toBe('');
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(4);
    expect(serve.output()).toContain('(database: server)');
  });

  it('refuses to start on a server without an encryption key, saying why, rather than run unencrypted', async () => {
    const refused = spawnServe({ DATABASE_URL: database.url });
    await expect(refused).rejects.toThrow(/exited with 2[\s\S]*no encryption key is configured/);
  });
});
