import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { startEmbeddedServer } from './embedded/embedded-server';
import type { Database } from './schema';

// Dates stay ISO strings ('YYYY-MM-DD'): turning them into JS Dates would shift them by
// the server's time zone. int8 (counts) become numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseMode = 'embedded' | 'server';

export interface DatabaseHandle {
  mode: DatabaseMode;
  url: string;
  pool: pg.Pool;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export async function openDatabase(
  config: DatabaseConfig,
  log: (line: string) => void = () => {},
): Promise<DatabaseHandle> {
  if (config.url) return fromUrl('server', config.url, config.poolSize, async () => {});
  const embedded = await startEmbeddedServer({ dataDir: config.dataDir, log });
  return fromUrl('embedded', embedded.url, config.poolSize, () => embedded.stop());
}

export function fromUrl(
  mode: DatabaseMode,
  url: string,
  poolSize: number,
  onClose: () => Promise<void>,
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    mode,
    url,
    pool,
    db,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      // Kysely ends the pool only if it ever used it; bulk paths use the pool directly.
      if (!pool.ending) await pool.end();
      await onClose();
    },
  };
}
