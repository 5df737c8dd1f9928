import { createDecipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { err, ok, type Result } from '@waymark/core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { verifyBackupFile, type BackupKeys, type BackupRefusal } from '../../backup/backup-file';
import { MalformedBackup, readFrames } from '../../backup/frames';
import { countRows, listTables, migrationVersions, resetIdentitySequences } from './catalog';
import type { BackupManifest } from './write-backup';
import { keepRollupsInTransaction } from '../rollup-keeper';

export type RestoreRefusal =
  | BackupRefusal
  | 'malformed'
  | 'schema_mismatch'
  | 'target_not_empty'
  | 'row_count_mismatch'
  | 'load_failed';

export interface RestoreSummary {
  manifest: BackupManifest;
  rows: number;
}

class Refused extends Error {
  constructor(
    readonly code: RestoreRefusal,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Restores a backup into a freshly migrated database, all or nothing: the signature is
 * checked over the whole file first, then every table is loaded with COPY inside one
 * transaction, and row counts are compared with the manifest before it commits. A
 * database that already holds rows is refused unless `force` (rows that clash with the
 * backup's then fail the restore, which rolls back).
 */
export async function restoreBackup(
  pool: pg.Pool,
  keys: BackupKeys,
  file: string,
  options: { force?: boolean } = {},
): Promise<Result<RestoreSummary, { code: RestoreRefusal; detail: string }>> {
  const verified = await verifyBackupFile(file, keys);
  if (!verified.ok) return err({ code: verified.error, detail: REFUSALS[verified.error] });
  const { derived, header, start, end, tag } = verified.value;
  const client = await pool.connect();
  let table: { name: string; sink: Writable; failed: Promise<never> } | undefined;
  try {
    await client.query('begin');
    // The rollups arrive as rows of their own: their triggers must not count everyone again.
    await keepRollupsInTransaction(client, 'restoring');
    const decipher = createDecipheriv('aes-256-gcm', derived.encryption, Buffer.from(header.iv, 'base64'));
    decipher.setAuthTag(tag);
    // pipeline, not pipe: a failed GCM tag or a gzip error must reach the reader below.
    const plain = pipeline(createReadStream(file, { start, end: end - 1 }), decipher, createGunzip(), () => {});
    let manifest: BackupManifest | undefined;
    let ended = false;
    let total = 0;
    for await (const { type, payload } of readFrames(plain)) {
      if (ended) throw new Refused('malformed', 'data after the end of the backup');
      if (type === 'M') {
        manifest = JSON.parse(payload.toString('utf8')) as BackupManifest;
        await checkTarget(client, manifest, options.force === true);
      } else if (!manifest) {
        throw new Refused('malformed', 'the backup does not begin with its manifest');
      } else if (type === 'T') {
        const entry = manifest.tables.find((t) => t.name === payload.toString('utf8'));
        if (!entry || table) throw new Refused('malformed', 'a table the manifest does not list');
        const columns = entry.columns.map((c) => client.escapeIdentifier(c)).join(', ');
        const sink = client.query(copyFrom(`copy ${client.escapeIdentifier(entry.name)} (${columns}) from stdin`));
        table = { name: entry.name, sink, failed: new Promise<never>((_, reject) => sink.once('error', reject)) };
        table.failed.catch(() => {});
      } else if (type === 'D') {
        if (!table) throw new Refused('malformed', 'rows outside a table');
        if (!table.sink.write(payload)) await Promise.race([new Promise((resolve) => table!.sink.once('drain', resolve)), table.failed]);
      } else if (type === 'E') {
        if (!table) throw new Refused('malformed', 'a table ends that never began');
        table.sink.end();
        await Promise.race([finished(table.sink), table.failed]);
        const name = table.name;
        const expected = manifest.tables.find((t) => t.name === name)!.rows;
        const actual = await countRows(client, name);
        if (actual !== expected) throw new Refused('row_count_mismatch', `${name}: ${actual} rows restored, the manifest says ${expected}`);
        total += actual;
        table = undefined;
      } else {
        ended = true;
      }
    }
    if (!manifest || !ended || table) throw new Refused('malformed', 'the backup ends early');
    // Every table the manifest lists, including empty ones, must now hold its count.
    for (const entry of manifest.tables) {
      const actual = await countRows(client, entry.name);
      if (actual !== entry.rows) throw new Refused('row_count_mismatch', `${entry.name}: ${actual} rows, the manifest says ${entry.rows}`);
    }
    await resetIdentitySequences(client);
    await client.query('commit');
    return ok({ manifest, rows: total });
  } catch (error) {
    await client.query('rollback').catch(() => {});
    if (error instanceof Refused) return err({ code: error.code, detail: error.detail });
    if (error instanceof MalformedBackup || isAuthFailure(error)) return err({ code: 'malformed', detail: String((error as Error).message) });
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
      // The database's message can quote row values: name the table and SQLSTATE only.
      return err({ code: 'load_failed', detail: `PostgreSQL refused the rows of ${table?.name ?? 'the backup'} (SQLSTATE ${sqlState})` });
    }
    throw error;
  } finally {
    client.release();
  }
}

const REFUSALS: Record<BackupRefusal, string> = {
  not_a_backup: 'the file is not a Waymark backup',
  unknown_key: 'the key this backup was made with is not in the key ring (or WAYMARK_BACKUP_KEY)',
  signature_mismatch: 'the backup has been modified or truncated: its signature does not match',
};

async function checkTarget(client: pg.PoolClient, manifest: BackupManifest, force: boolean): Promise<void> {
  const have = await migrationVersions(client);
  if (have.join(',') !== manifest.migrations.join(',')) {
    throw new Refused(
      'schema_mismatch',
      `the backup was taken at migrations ${manifest.migrations.at(-1) ?? 'none'}, this database is at ${have.at(-1) ?? 'none'}: migrate both to the same version`,
    );
  }
  const tables = await listTables(client);
  const missing = manifest.tables.filter((t) => !tables.some((have) => have.name === t.name));
  if (missing.length > 0) throw new Refused('schema_mismatch', `tables missing here: ${missing.map((t) => t.name).join(', ')}`);
  if (force) return;
  for (const table of tables) {
    if ((await countRows(client, table.name)) > 0) {
      throw new Refused('target_not_empty', `the database is not empty (${table.name} has rows); restore into a fresh one, or pass --force`);
    }
  }
}

function isAuthFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return message.includes('Unsupported state or unable to authenticate data') || (error as { code?: string }).code === 'Z_DATA_ERROR';
}
