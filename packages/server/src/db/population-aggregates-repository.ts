import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from './schema';
import type { Db, Tx } from './transaction';

/** Which people a count covers; every field narrows it. Codes are the ones persons carry. */
export interface RollupFilter {
  operationId: string;
  /** Person admin-area codes (an area and everything under it); undefined = any. */
  areaCodes?: readonly string[];
  siteId?: string;
  sex?: readonly string[];
  /** Birth-year ranges (inclusive; null = open), one per age bracket asked for. */
  birthYears?: ReadonlyArray<{ from: number | null; to: number | null }>;
  setting?: readonly string[];
  legalStatus?: readonly string[];
  careSituation?: readonly string[];
  /** The live ledgers, or the release aggregate-only readers see (migration 0038); live when unset. */
  source?: 'live' | 'release';
}

/** The dimension a count is grouped by, as a rollup column. */
export type RollupGroup = 'admin_area_code' | 'site_id' | 'setting' | 'sex' | 'birth_year' | 'legal_status' | 'care_situation';

type RollupTable =
  | 'population_rollup'
  | 'population_domain_rollup'
  | 'screening_trend_rollup'
  | 'population_rollup_release'
  | 'population_domain_rollup_release'
  | 'screening_trend_rollup_release';

/** A ledger as the filter's source holds it: the release has the same columns. */
const ledger = <T extends 'population_rollup' | 'population_domain_rollup' | 'screening_trend_rollup'>(table: T, filter: RollupFilter): T =>
  (filter.source === 'release' ? `${table}_release` : table) as T;

function narrowed<T extends RollupTable, O>(query: SelectQueryBuilder<Database, T, O>, filter: RollupFilter): SelectQueryBuilder<Database, T, O> {
  // The same columns exist in every rollup; Kysely cannot see that through the union of tables.
  const q = query as unknown as SelectQueryBuilder<Database, 'population_rollup', O>;
  const out = q.where((eb: ExpressionBuilder<Database, 'population_rollup'>) => {
    const all = [eb('operation_id', '=', filter.operationId)];
    if (filter.areaCodes) all.push(filter.areaCodes.length === 0 ? eb.lit(false) : eb('admin_area_code', 'in', filter.areaCodes));
    if (filter.siteId) all.push(eb('site_id', '=', filter.siteId));
    if (filter.sex) all.push(eb('sex', 'in', filter.sex));
    if (filter.setting) all.push(eb('setting', 'in', filter.setting));
    if (filter.legalStatus) all.push(eb('legal_status', 'in', filter.legalStatus));
    if (filter.careSituation) all.push(eb('care_situation', 'in', filter.careSituation));
    if (filter.birthYears) {
      all.push(
        eb.or(
          filter.birthYears.map((range) =>
            eb.and([...(range.from === null ? [] : [eb('birth_year', '>=', range.from)]), ...(range.to === null ? [] : [eb('birth_year', '<=', range.to)])]),
          ),
        ),
      );
    }
    return eb.and(all);
  });
  return out as unknown as SelectQueryBuilder<Database, T, O>;
}

export interface GroupedCount {
  key: string | null;
  column: string | null;
  n: number;
  /** The sum of the counted people's record keys, modulo 2^32 (the cell-key method). */
  keySum: number;
}

/** sum(key_sum) reduced modulo 2^32 in SQL, so it leaves PostgreSQL as a safe integer. */
const keySum = () => sql<string>`coalesce(sum(key_sum) % 4294967296, 0)`.as('key_sum');
const counted = (row: { key: string | null; column: string | null; n: string; key_sum: string }): GroupedCount => ({
  key: row.key,
  column: row.column,
  n: Number(row.n),
  keySum: Number(row.key_sum),
});

/** People by a dimension and current risk level (null = not screened), from the rollup. */
export async function countPeopleByLevel(db: Db | Tx, filter: RollupFilter, group: RollupGroup): Promise<GroupedCount[]> {
  const rows = await narrowed(
    db.selectFrom(ledger('population_rollup', filter)).select([sql<string | null>`${sql.ref(group)}::text`.as('key'), 'risk_level as column', sql<string>`sum(n)`.as('n'), keySum()]),
    filter,
  )
    .groupBy([group, 'risk_level'])
    .execute();
  return rows.map(counted);
}

/** People by a dimension and risk domain (at medium or above), or one domain by level. */
export async function countPeopleByDomain(db: Db | Tx, filter: RollupFilter, group: RollupGroup, domain: string | null): Promise<GroupedCount[]> {
  let query = narrowed(
    db
      .selectFrom(ledger('population_domain_rollup', filter))
      .select([sql<string | null>`${sql.ref(group)}::text`.as('key'), sql<string>`${sql.ref(domain === null ? 'domain' : 'level')}`.as('column'), sql<string>`sum(n)`.as('n'), keySum()]),
    filter,
  );
  if (domain !== null) query = query.where('domain', '=', domain);
  const rows = await query.groupBy([group, domain === null ? 'domain' : 'level']).execute();
  return rows.map(counted);
}

/** Original screenings per month (YYYY-MM) and the level they found. */
export async function countScreeningsByMonth(db: Db | Tx, filter: RollupFilter): Promise<GroupedCount[]> {
  const rows = await narrowed(
    db.selectFrom(ledger('screening_trend_rollup', filter)).select([sql<string>`to_char(month, 'YYYY-MM')`.as('key'), 'risk_level as column', sql<string>`sum(n)`.as('n'), keySum()]),
    filter,
  )
    .groupBy(['month', 'risk_level'])
    .execute();
  return rows.map(counted);
}

/**
 * The same numbers as countPeopleByLevel(by area), scanned from persons: the benchmark's
 * baseline for the dashboard, and what the rollup replaces.
 */
export async function scanPeopleByAreaAndLevel(db: Db | Tx, operationId: string): Promise<GroupedCount[]> {
  const rows = await db
    .selectFrom('persons')
    .select(['admin_area_code as key', 'risk_level as column', (eb) => eb.fn.countAll<string>().as('n'), sql<string>`coalesce(sum(record_key) % 4294967296, 0)`.as('key_sum')])
    .where('operation_id', '=', operationId)
    .groupBy(['admin_area_code', 'risk_level'])
    .execute();
  return rows.map(counted);
}

/** The operation's suppression threshold (k), or null for the default. */
export async function findDisclosureThreshold(db: Db | Tx, operationId: string): Promise<number | null> {
  const row = await db.selectFrom('operation_disclosure').select('min_cell_count').where('operation_id', '=', operationId).executeTakeFirst();
  return row?.min_cell_count ?? null;
}

export async function saveDisclosureThreshold(tx: Tx, operationId: string, k: number, actorId: string): Promise<void> {
  await tx
    .insertInto('operation_disclosure')
    .values({ operation_id: operationId, min_cell_count: k, updated_at: new Date(), updated_by: actorId })
    .onConflict((oc) => oc.column('operation_id').doUpdateSet({ min_cell_count: k, updated_at: new Date(), updated_by: actorId }))
    .execute();
}
