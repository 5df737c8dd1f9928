import { fromUrl, generateKey, migrate, startEmbeddedServer, type DatabaseHandle, type KeyRing } from '@waymark/server';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchTarget {
  name: 'embedded' | 'server';
  database: DatabaseHandle;
  /** An in-memory key ring: the load and re-score seal highly sensitive answers, as in production. */
  keyRing: KeyRing;
  postgresVersion: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated database on the embedded PostgreSQL (its own data directory). */
export async function embeddedTarget(): Promise<BenchTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
  const server = await startEmbeddedServer({ dataDir, database: 'waymark_bench' });
  const database = fromUrl('embedded', server.url, 12, () => server.stop());
  await migrate(database.pool);
  return {
    name: 'embedded',
    database,
    keyRing: benchKeyRing(),
    postgresVersion: await version(database),
    dispose: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A throwaway database on the PostgreSQL server at `url`, dropped afterwards. */
export async function serverTarget(url: string): Promise<BenchTarget> {
  const name = `waymark_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = fromUrl('server', target.toString(), 12, async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  await migrate(database.pool);
  return { name: 'server', database, keyRing: benchKeyRing(), postgresVersion: await version(database), dispose: () => database.close() };
}

function benchKeyRing(): KeyRing {
  return { active: 'bench', keys: new Map([['bench', generateKey()]]) };
}

async function version(database: DatabaseHandle): Promise<string> {
  const { rows } = await database.pool.query<{ server_version: string }>('show server_version');
  return rows[0]!.server_version;
}
