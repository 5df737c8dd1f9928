import type { Logger } from 'pino';
import { operationsDueForRelease } from '../../db/population-release-repository';
import type { Db } from '../../db/transaction';
import { cutRelease } from './cut-release';

const HOUR_MS = 3_600_000;
/** A release a day: the schedule adds time between what a reader can compare. */
export const RELEASE_EVERY_MS = 24 * HOUR_MS;

/**
 * Cuts each operation's release once a day (checked hourly and at start, so a restart does
 * not skip a day, and a new installation has a first release). Several servers may run it:
 * a cut takes an advisory lock and the others skip. Returns a function that stops it.
 */
export function startReleaseSchedule(db: Db, logger: Logger, options: { checkEveryMs?: number; releaseEveryMs?: number; now?: () => Date } = {}): () => void {
  const now = options.now ?? (() => new Date());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const at = now();
      for (const operationId of await operationsDueForRelease(db, new Date(at.getTime() - (options.releaseEveryMs ?? RELEASE_EVERY_MS)))) {
        const cut = await cutRelease(db, operationId, at);
        // Counts and ids of operations only.
        if (cut.cut) logger.info({ operation: operationId, refreshed: cut.refreshed, held: cut.held }, 'population release cut');
      }
    } catch (error) {
      logger.error({ err: { code: (error as { code?: unknown }).code } }, 'population release failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const repeat = setInterval(() => void tick(), options.checkEveryMs ?? HOUR_MS);
  repeat.unref();
  return () => clearInterval(repeat);
}
