import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works: it only has to be the same for every Waymark process.
const MIGRATION_LOCK = 7_302_914;

export interface AppliedMigration {
  version: number;
  name: string;
}

interface MigrationFile extends AppliedMigration {
  sql: string;
  checksum: string;
}

/**
 * Applies numbered SQL migrations (`0001_name.sql`) in order, each in its own
 * transaction, under an advisory lock so two processes starting together cannot race.
 * An applied file that has since changed is refused: migrations are append-only.
 */
export async function migrate(pool: pg.Pool, options: { through?: number } = {}): Promise<AppliedMigration[]> {
  // `through` stops at a version: tests use it to put rows into an older schema.
  const files = (await readMigrationFiles()).filter((file) => options.through === undefined || file.version <= options.through);
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
      'select version, checksum from schema_migrations',
    );
    const applied = new Map(rows.map((row) => [row.version, row.checksum]));
    const newlyApplied: AppliedMigration[] = [];
    for (const file of files) {
      const checksum = applied.get(file.version);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) {
          throw new Error(`migration ${file.version}_${file.name} changed after it was applied`);
        }
        continue;
      }
      await client.query('begin');
      try {
        await client.query(file.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${file.version}_${file.name} failed: ${(error as Error).message}`);
      }
      newlyApplied.push({ version: file.version, name: file.name });
    }
    return newlyApplied;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

async function readMigrationFiles(): Promise<MigrationFile[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return Promise.all(
    names.map(async (fileName) => {
      const sql = await readFile(join(MIGRATIONS_DIR, fileName), 'utf8');
      return {
        version: Number(fileName.slice(0, 4)),
        name: fileName.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}
