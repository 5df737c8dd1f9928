import { compactRollups, repackRollups, rollupLedgers, type RollupLedger } from '../../db/rollup-compaction-repository';
import type { Db } from '../../db/transaction';

/** Below this many appended rows an operation's ledgers are left as they are. */
const MIN_PENDING = 1_000;
/** Folding rewrites every row of the operation: worth it once the deltas are a fifth of what is folded. */
const PENDING_SHARE = 0.2;

export interface CompactionRun {
  operationId: string;
  pending: number;
  folded: number;
  /** False when it was not due, or another process was compacting. */
  compacted: boolean;
}

export function compactionDue(ledger: RollupLedger): boolean {
  return ledger.pending >= MIN_PENDING && ledger.pending >= ledger.folded * PENDING_SHARE;
}

/**
 * Folds the rollup ledgers of every operation whose appended deltas have grown (or every
 * operation with any, when `all`): the dashboards sum fewer rows, the numbers stay the same.
 */
export async function compactRollupsWhereDue(db: Db, options: { all?: boolean } = {}): Promise<CompactionRun[]> {
  const runs: CompactionRun[] = [];
  for (const ledger of await rollupLedgers(db)) {
    const due = options.all ? ledger.pending > 0 : compactionDue(ledger);
    runs.push({ ...ledger, compacted: due ? await compactRollups(db, ledger.operationId) : false });
  }
  return runs;
}

/** A bulk write appended at least this many deltas: the folded tables are worth rewriting. */
const REPACK_PENDING = 100_000;

/**
 * After a bulk write (a load, a re-score of everyone): fold every operation's deltas, and when
 * there were many, rewrite the rollup tables compactly (repackRollups says why).
 */
export async function compactRollupsAfterBulkWrite(db: Db): Promise<CompactionRun[]> {
  const runs = await compactRollupsWhereDue(db, { all: true });
  const appended = runs.reduce((sum, run) => sum + (run.compacted ? run.pending : 0), 0);
  if (appended >= REPACK_PENDING) await repackRollups(db);
  return runs;
}
