import type { Logger } from 'pino';
import type { Db } from '../../db/transaction';
import { compactRollupsWhereDue } from './compact-rollups';

const MINUTE_MS = 60_000;

/**
 * Folds the rollup ledgers where they have grown, once a minute, in the server process.
 * Several servers may run it: a compaction takes an advisory lock and the others skip.
 * Returns a function that stops it.
 */
export function startRollupCompaction(db: Db, logger: Logger, options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const run of await compactRollupsWhereDue(db)) {
        // Counts and ids of operations only.
        if (run.compacted) logger.info({ operation: run.operationId, pending: run.pending, folded: run.folded }, 'rollups compacted');
      }
    } catch (error) {
      logger.error({ err: { code: (error as { code?: unknown }).code } }, 'rollup compaction failed');
    } finally {
      running = false;
    }
  };
  const repeat = setInterval(() => void tick(), options.intervalMs ?? MINUTE_MS);
  repeat.unref();
  return () => clearInterval(repeat);
}
