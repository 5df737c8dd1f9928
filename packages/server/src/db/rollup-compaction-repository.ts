import { sql } from 'kysely';
import type { Db } from './transaction';

// Any constant works: it only has to be the same for every Waymark process.
const COMPACTION_LOCK = 7_302_916;

export interface RollupLedger {
  operationId: string;
  /** Delta rows appended since the last compaction, over the three rollups and the two workload ledgers (migration 0046). */
  pending: number;
  /** Rows a compaction folded (one per key). */
  folded: number;
}

/** The size of each operation's rollup ledgers (from the (operation_id, compacted) indexes). */
export async function rollupLedgers(db: Db): Promise<RollupLedger[]> {
  const result = await sql<{ operation_id: string; pending: string; folded: string }>`
    select operation_id, count(*) filter (where not compacted) as pending, count(*) filter (where compacted) as folded
      from (
        select operation_id, compacted from population_rollup
        union all select operation_id, compacted from population_domain_rollup
        union all select operation_id, compacted from screening_trend_rollup
        union all select operation_id, compacted from workload_case_ledger
        union all select operation_id, compacted from workload_task_ledger
      ) ledger
     group by operation_id`.execute(db);
  return result.rows.map((row) => ({ operationId: row.operation_id, pending: Number(row.pending), folded: Number(row.folded) }));
}

/**
 * Folds one operation's rollup rows into one row per key, in one transaction (readers see
 * the ledger before or after, with the same sums). Returns false without waiting when
 * another process is compacting.
 */
export async function compactRollups(db: Db, operationId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${COMPACTION_LOCK}) as ok`.execute(tx);
    if (!lock.rows[0]?.ok) return false;
    await sql`select population_rollups_compact(${operationId}::uuid)`.execute(tx);
    // The workload ledgers (migration 0046) fold on the same schedule, under the same lock.
    await sql`select workload_ledgers_compact(${operationId}::uuid)`.execute(tx);
    return true;
  });
}

/**
 * Rewrites the three rollup tables with only their live rows. A compaction deletes every row
 * of an operation and inserts the sums after them, so after millions of deltas (a bulk load,
 * a re-score that moves everyone) the table keeps the size of the deltas: vacuum frees the
 * space but cannot move the live rows back, and each dashboard read scans every page. At
 * 1,000,000 persons that made the rollup read 50 ms instead of 14. VACUUM FULL holds each
 * table's exclusive lock while it copies the folded rows (under a second there): writes that
 * count into it wait, none fail. It cannot run inside a transaction.
 */
export async function repackRollups(db: Db): Promise<void> {
  await sql`vacuum (full, analyze) population_rollup, population_domain_rollup, screening_trend_rollup, workload_case_ledger, workload_task_ledger`.execute(db);
}
