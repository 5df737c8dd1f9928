import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '../src/db/embedded/embedded-server';
import { migrate } from '../src/db/migrate';
import type { DatabaseTarget } from './database-targets';

/**
 * One embedded PostgreSQL 18 for the whole run, plus the PostgreSQL server named by
 * TEST_DATABASE_URL when set. On each, a template database migrated from scratch once;
 * every test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never
 * see each other's rows.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'waymark-test-'));
  const embedded = await startEmbeddedServer({ dataDir, database: 'postgres' });
  const targets: DatabaseTarget[] = [{ name: 'embedded', adminUrl: embedded.url, template: '' }];
  if (process.env.TEST_DATABASE_URL) targets.push({ name: 'server', adminUrl: process.env.TEST_DATABASE_URL, template: '' });

  for (const target of targets) {
    target.template = `waymark_template_${process.pid}`;
    await withClient(target.adminUrl, async (client) => {
      await client.query(`drop database if exists ${target.template}`);
      await client.query(`create database ${target.template}`);
    });
    const pool = new pg.Pool({ connectionString: withDatabase(target.adminUrl, target.template), max: 1 });
    await migrate(pool);
    await pool.end();
  }
  project.provide('databaseTargets', targets);
  process.env.WAYMARK_TEST_EMBEDDED_DATA_DIR = dataDir;

  return async () => {
    for (const target of targets) {
      await withClient(target.adminUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          `select datname from pg_database where datname like $1`,
          [`waymark_t${process.pid}_%`],
        );
        for (const row of rows) await client.query(`drop database if exists ${row.datname} with (force)`).catch(() => {});
        await client.query(`drop database if exists ${target.template} with (force)`).catch(() => {});
      });
    }
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
