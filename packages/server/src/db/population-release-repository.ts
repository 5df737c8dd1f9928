import { sql } from 'kysely';
import type { AreaChange } from '@waymark/core';
import type { Db, Tx } from './transaction';

// Any constant works: it only has to be the same for every Waymark process.
const RELEASE_LOCK = 7_302_917;

const DIMENSIONS = ['site_id', 'admin_area_code', 'setting', 'sex', 'birth_year', 'legal_status', 'care_situation'];

/** Each rollup ledger, its release copy and the columns that make up its rows. */
const LEDGERS = [
  { live: 'population_rollup', release: 'population_rollup_release', columns: [...DIMENSIONS, 'risk_level'] },
  { live: 'population_domain_rollup', release: 'population_domain_rollup_release', columns: [...DIMENSIONS, 'domain', 'level'] },
  { live: 'screening_trend_rollup', release: 'screening_trend_rollup_release', columns: ['month', ...DIMENSIONS, 'risk_level'] },
] as const;

/** The release's key for an area: the code persons carry, '' for none. */
const areaKey = sql`coalesce(admin_area_code, '')`;

/**
 * What moved in each area between the release and the live population ledger (see
 * core/disclosure/release.ts for what the numbers mean). The ledger rows are summed per row
 * key first, so folded and unfolded ledgers give the same answer.
 */
export async function areaChanges(db: Db | Tx, operationId: string): Promise<AreaChange[]> {
  const columns = sql.join(LEDGERS[0].columns.map((c) => sql.ref(c)));
  const result = await sql<{ area: string; net: string; movements: string }>`
    select coalesce(admin_area_code, '') as area, sum(d) as net,
           sum(abs(d)) + 2 * count(*) filter (where d = 0 and k <> 0) as movements
      from (
        select admin_area_code, sum(n) as d, ((sum(key_sum) % 4294967296) + 4294967296) % 4294967296 as k
          from (
            select ${columns}, n, key_sum from population_rollup where operation_id = ${operationId}::uuid
            union all
            select ${columns}, -n, -key_sum from population_rollup_release where operation_id = ${operationId}::uuid
          ) both_sides
         group by ${columns}
      ) moved
     where d <> 0 or k <> 0
     group by 1`.execute(db);
  return result.rows.map((row) => ({ area: row.area, net: Number(row.net), movements: Number(row.movements) }));
}

/** Replaces the released rows of these areas by their live rows, folded, in every ledger. */
export async function refreshReleasedAreas(tx: Tx, operationId: string, areas: readonly string[], at: Date): Promise<void> {
  if (areas.length === 0) return;
  const list = sql`${sql.val([...areas])}::text[]`;
  for (const ledger of LEDGERS) {
    const columns = sql.join(ledger.columns.map((c) => sql.ref(c)));
    await sql`delete from ${sql.table(ledger.release)} where operation_id = ${operationId}::uuid and ${areaKey} = any(${list})`.execute(tx);
    await sql`
      insert into ${sql.table(ledger.release)} (operation_id, ${columns}, n, key_sum, compacted)
      select operation_id, ${columns}, sum(n), sum(key_sum), true
        from ${sql.table(ledger.live)}
       where operation_id = ${operationId}::uuid and ${areaKey} = any(${list})
       group by operation_id, ${columns}
      having sum(n) <> 0`.execute(tx);
  }
  await tx
    .insertInto('population_release_areas')
    .values(areas.map((area) => ({ operation_id: operationId, area_key: area, released_at: at })))
    .onConflict((oc) => oc.columns(['operation_id', 'area_key']).doUpdateSet({ released_at: at }))
    .execute();
}

export async function recordReleaseCut(tx: Tx, operationId: string, at: Date, refreshed: number, held: number): Promise<void> {
  await tx
    .insertInto('population_releases')
    .values({ operation_id: operationId, released_at: at, areas_refreshed: refreshed, areas_held: held })
    .onConflict((oc) => oc.column('operation_id').doUpdateSet({ released_at: at, areas_refreshed: refreshed, areas_held: held }))
    .execute();
}

/** One cut per operation at a time, across processes; false when another holds it. */
export async function tryReleaseLock(tx: Tx, operationId: string): Promise<boolean> {
  const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${RELEASE_LOCK}, hashtext(${operationId})) as ok`.execute(tx);
  return lock.rows[0]?.ok === true;
}

/** When the operation's release was last cut (null: never). */
export async function lastReleaseCut(db: Db | Tx, operationId: string): Promise<Date | null> {
  const row = await db.selectFrom('population_releases').select('released_at').where('operation_id', '=', operationId).executeTakeFirst();
  return row ? new Date(row.released_at) : null;
}

/** Operations whose release was never cut, or last cut before `before`. */
export async function operationsDueForRelease(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('operations')
    .leftJoin('population_releases', 'population_releases.operation_id', 'operations.id')
    .select('operations.id')
    .where((eb) => eb.or([eb('population_releases.released_at', 'is', null), eb('population_releases.released_at', '<', before)]))
    .execute();
  return rows.map((row) => row.id);
}

/** The agencies working in an operation: whether an agency scope reaches all of its people. */
export async function agenciesOfOperation(db: Db | Tx, operationId: string): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select('id').where('operation_id', '=', operationId).execute();
  return rows.map((row) => row.id);
}
