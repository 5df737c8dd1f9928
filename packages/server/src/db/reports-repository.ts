import type { Db } from './transaction';

export interface AreaLevelCount {
  admin_area_code: string | null;
  risk_level: string | null;
  n: number;
}

/** One pass over the operation's persons: counts per admin area and current risk level. */
export async function countByAreaAndLevel(db: Db, operationIds: readonly string[]): Promise<AreaLevelCount[]> {
  if (operationIds.length === 0) return [];
  const rows = await db
    .selectFrom('persons')
    .select(['admin_area_code', 'risk_level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('operation_id', 'in', operationIds)
    .groupBy(['admin_area_code', 'risk_level'])
    .orderBy('admin_area_code')
    .execute();
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}
