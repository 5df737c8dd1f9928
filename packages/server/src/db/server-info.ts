import { sql } from 'kysely';
import type { Db } from './transaction';

export async function postgresVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  return rows[0]?.server_version ?? 'unknown';
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
