import type { Logger } from 'pino';
import type { Db } from '../../db/transaction';
import { runRetention } from './run-retention';

const DAY_MS = 86_400_000;

/**
 * Runs retention once a day in the server process, first after a random delay of up to an
 * hour so that servers started together do not all try at once. Every server may start
 * it: the run itself takes a PostgreSQL advisory lock, so only one of them works at a
 * time and the others skip. Returns a function that stops it.
 */
export function startRetentionScheduler(db: Db, logger: Logger, options: { intervalMs?: number; firstDelayMs?: number } = {}): () => void {
  const interval = options.intervalMs ?? DAY_MS;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runRetention(db, { dryRun: false, now: () => new Date() });
      if (!result.ran) logger.info('retention: another process is running it; skipped');
      // Counts and operation codes only: never a name or a person id in the log.
      else for (const op of result.operations) logger.info({ operation: op.code, anonymised: op.anonymised }, 'retention run');
    } catch (error) {
      logger.error({ err: { code: (error as { code?: unknown }).code } }, 'retention run failed');
    } finally {
      running = false;
    }
  };
  let repeat: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    void tick();
    repeat = setInterval(() => void tick(), interval);
    repeat.unref();
  }, options.firstDelayMs ?? Math.floor(Math.random() * 3_600_000));
  first.unref();
  return () => {
    clearTimeout(first);
    if (repeat) clearInterval(repeat);
  };
}
