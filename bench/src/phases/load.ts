import { defaultOperations, generatePopulation } from '@waymark/core';
import { CONSENT_COLUMNS, HOUSEHOLD_COLUMNS, loadGeneratedPopulation, PERSON_COLUMNS, SCREENING_COLUMNS } from '@waymark/server';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { BenchTarget } from '../targets';
import { meteredIterable, timed } from '../timing';

const TABLES = [
  ['households', HOUSEHOLD_COLUMNS],
  ['persons', PERSON_COLUMNS],
  ['screenings', SCREENING_COLUMNS],
  ['consents', CONSENT_COLUMNS],
] as const;

export interface LoadFigures {
  persons: number;
  households: number;
  generationMs: number;
  /**
   * Waymark's bulk load, wall clock, the synthetic generator's time included: the loader
   * builds one batch while the database writes the previous one, so the generator's time
   * overlaps the writes and subtracting it would flatter the load.
   */
  loadMs: number;
  rawCopyMs: number;
  ratio: number;
}

/**
 * Waymark's bulk load (checks, scoring of each first screening, COPY of households,
 * persons, screenings and consents, audit) against a raw COPY of exactly the rows it wrote into
 * tables of the same shape and indexes.
 */
export async function benchLoad(target: BenchTarget, persons: number, seed: number, today: Date, log: (line: string) => void): Promise<LoadFigures> {
  const metered = meteredIterable(generatePopulation({ seed, persons, today, operations: defaultOperations }));
  const ours = await timed(() =>
    loadGeneratedPopulation(target.database, metered.iterable, {
      today,
      screen: true,
      keyRing: target.keyRing,
      onProgress: (done) => done % 200_000 < 20_000 && log(`  loaded ${done}`),
    }),
  );
  if (!ours.value.ok) throw new Error(`bench load refused: operation ${ours.value.error.operationCode} is real`);
  await target.database.pool.query('analyze');
  const generationMs = metered.producerMs();
  const rawCopyMs = await rawCopy(target);
  const loadMs = ours.ms;
  return { persons: ours.value.value.persons, households: ours.value.value.households, generationMs, loadMs, rawCopyMs, ratio: loadMs / rawCopyMs };
}

async function rawCopy(target: BenchTarget): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-bench-rows-'));
  const client = await target.database.pool.connect();
  try {
    for (const [table, columns] of TABLES) {
      await client.query(`create table raw_${table} (like ${table} including all)`);
      const file = join(dir, `${table}.csv`);
      await pipeline(client.query(copyTo(`copy ${table} (${columns.join(', ')}) to stdout`)), createWriteStream(file));
    }
    const { ms } = await timed(async () => {
      await client.query('begin');
      for (const [table, columns] of TABLES) {
        await pipeline(
          createReadStream(join(dir, `${table}.csv`), { highWaterMark: 1 << 20 }),
          client.query(copyFrom(`copy raw_${table} (${columns.join(', ')}) from stdin`)),
        );
      }
      await client.query('commit');
    });
    for (const [table] of TABLES) await client.query(`drop table raw_${table}`);
    return ms;
  } finally {
    client.release();
    await rm(dir, { recursive: true, force: true });
  }
}
