import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { readFileSync } from 'node:fs';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrate } from './db/migrate';
import { discardGeneratedKeyFile, loadKeyRing } from './crypto/load-key-ring';
import { missingKeysMessage, missingSealingKeys } from './use-cases/keys/missing-sealing-keys';
import { buildApp } from './http/app';
import { ensureFirstAdmin, type FirstAdmin } from './use-cases/admin/ensure-first-admin';
import { startRollupCompaction } from './use-cases/population/rollup-compaction-scheduler';
import { startReleaseSchedule } from './use-cases/population/release-scheduler';
import { startRetentionScheduler } from './use-cases/retention/retention-scheduler';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  firstAdmin: FirstAdmin | null;
  close(): Promise<void>;
}

export const WAYMARK_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** A configuration Waymark will not run with; the message is for the operator. */
export class StartupRefused extends Error {}

/** Opens the database (embedded unless DATABASE_URL), migrates, seeds the first admin, listens. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const keyRing = await loadKeyRing(config);
  if (!keyRing.ok) throw new StartupRefused(keyRing.error);
  const database = await openDatabase(config.database, (line) => logger.info(line));
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.version) }, 'migrations applied');
    // A missing key file must not be met with a new key: refuse, and say which ids are needed.
    const missing = await missingSealingKeys(database.db, keyRing.value);
    if (missing.length > 0) {
      await discardGeneratedKeyFile(keyRing.value);
      throw new StartupRefused(missingKeysMessage(missing, keyRing.value));
    }
    const firstAdmin = await ensureFirstAdmin(database.db, config.admin);
    const app = await buildApp(
      { database, now: () => new Date(), secureCookies: config.secureCookies, mfaRequired: config.mfaRequired, sessionLimits: config.sessions, keyRing: keyRing.value, webDir: config.webDir, version: WAYMARK_VERSION, ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }) },
      logger,
    );
    const address = await app.listen({ port: config.port, host: config.host });
    // Daily, in-process; an advisory lock lets only one of several servers run it at a time.
    const stopRetention = startRetentionScheduler(database.db, logger);
    // The rollups' appended deltas are folded once they have grown (migration 0023).
    const stopCompaction = startRollupCompaction(database.db, logger);
    // What aggregate-only readers see is cut once a day (migration 0038).
    const stopReleases = startReleaseSchedule(database.db, logger);
    return {
      url: address,
      app,
      database,
      firstAdmin,
      close: async () => {
        stopRetention();
        stopCompaction();
        stopReleases();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
