import { sql } from 'kysely';
import type { Db } from './transaction';

export interface AreaLevelCount {
  admin_area_code: string | null;
  risk_level: string | null;
  n: number;
  /** Sum of their record keys modulo 2^32 (the cell-key method, migration 0026). */
  keySum: number;
}

/**
 * Counts per admin area and current risk level, from the population rollup that triggers
 * keep exact (migration 0019), not from a scan of every person.
 */
export async function countByAreaAndLevel(db: Db, operationIds: readonly string[], source: 'live' | 'release' = 'live'): Promise<AreaLevelCount[]> {
  if (operationIds.length === 0) return [];
  const rows = await db
    .selectFrom(source === 'release' ? 'population_rollup_release' : 'population_rollup')
    .select(['admin_area_code', 'risk_level', (eb) => eb.fn.sum<string>('n').as('n'), sql<string>`coalesce(sum(key_sum) % 4294967296, 0)`.as('key_sum')])
    .where('operation_id', 'in', operationIds)
    .groupBy(['admin_area_code', 'risk_level'])
    .having((eb) => eb.fn.sum('n'), '>', 0)
    .orderBy('admin_area_code')
    .execute();
  return rows.map((row) => ({ admin_area_code: row.admin_area_code, risk_level: row.risk_level, n: Number(row.n), keySum: Number(row.key_sum) }));
}
