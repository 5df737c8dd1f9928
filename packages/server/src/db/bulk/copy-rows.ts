import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine, type CopyValue } from './copy-text';

const CHUNK_BYTES = 1 << 20;

/** Rows already in COPY's text format, in ~1 MiB chunks, and how many rows they hold. */
export interface CopyText {
  chunks: string[];
  rows: number;
}

/**
 * Serialises rows for COPY ahead of the write, so that a bulk path can build the next
 * batch's text while PostgreSQL is still reading this one's (the write is then pure I/O).
 */
export function copyText(rows: Iterable<readonly CopyValue[]>): CopyText {
  const chunks: string[] = [];
  let buffer = '';
  let count = 0;
  for (const row of rows) {
    buffer += copyLine(row);
    count++;
    if (buffer.length >= CHUNK_BYTES) {
      chunks.push(buffer);
      buffer = '';
    }
  }
  if (buffer) chunks.push(buffer);
  return { chunks, rows: count };
}

/** Streams COPY text into a table on the caller's connection (and transaction). */
export async function copyChunks(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], text: CopyText): Promise<number> {
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(text.chunks), sink);
  return text.rows;
}

/** Streams rows into a table with COPY, in ~1 MiB chunks, on the caller's connection (and transaction). */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  return copyChunks(client, table, columns, copyText(rows));
}
