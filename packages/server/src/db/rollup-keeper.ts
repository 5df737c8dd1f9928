import type pg from 'pg';

/** Why a transaction keeps the population rollups itself (migration 0023). */
export type RollupKeeper = 'restoring' | 'bulk_load';

/**
 * Tells the rollup triggers to stand aside for the rest of this transaction only (a
 * transaction-local setting): a restore copies the rollup rows as they were, and the bulk
 * loader appends the deltas of the rows it writes. Anything else leaves the triggers on.
 */
export async function keepRollupsInTransaction(client: pg.PoolClient | pg.Client, keeper: RollupKeeper): Promise<void> {
  await client.query(`select set_config('waymark.rollups', $1, true)`, [keeper]);
}
