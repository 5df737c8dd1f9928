import { createCipheriv, createHmac } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { newBackupHeader, type BackupKeys } from '../../backup/backup-file';
import { frame } from '../../backup/frames';
import { countRows, listTables, migrationVersions } from './catalog';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** Every applied migration: the target of a restore must have exactly these. */
  migrations: number[];
  tables: Array<{ name: string; columns: string[]; rows: number }>;
}

/**
 * A logical backup of every Waymark table, streamed from one consistent snapshot
 * (repeatable read) through gzip and AES-256-GCM into `file`, signed with HMAC-SHA256.
 * Rows pass through in COPY chunks: the database is never held in memory. Sealed values
 * (protection notes) are copied as the ciphertext they are. Written to `file.partial`
 * and renamed at the end, so a file with the final name is always complete.
 */
export async function writeBackup(pool: pg.Pool, keys: BackupKeys, file: string): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await listTables(client);
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      migrations: await migrationVersions(client),
      tables: [],
    };
    for (const table of tables) manifest.tables.push({ ...table, rows: await countRows(client, table.name) });

    async function* frames(): AsyncGenerator<Buffer> {
      yield frame('M', JSON.stringify(manifest));
      for (const table of manifest.tables) {
        yield frame('T', table.name);
        const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(', ');
        const stream = client.query(copyTo(`copy ${client.escapeIdentifier(table.name)} (${columns}) to stdout`));
        for await (const chunk of stream) yield frame('D', chunk as Buffer);
        yield frame('E');
      }
      yield frame('Z');
    }

    const { header, derived, bytes } = newBackupHeader(keys);
    const out = createWriteStream(partial, { mode: 0o600 });
    const hmac = createHmac('sha256', derived.signature);
    const put = async (chunk: Buffer) => {
      hmac.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    };
    await put(bytes);
    const cipher = createCipheriv('aes-256-gcm', derived.encryption, Buffer.from(header.iv, 'base64'));
    await pipeline(
      Readable.from(frames()),
      createGzip(),
      cipher,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          put(chunk).then(() => done(), done);
        },
      }),
    );
    await put(cipher.getAuthTag());
    out.end(hmac.digest());
    await finished(out);
    await client.query('commit');
    await rename(partial, file);
    return manifest;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    await rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}
