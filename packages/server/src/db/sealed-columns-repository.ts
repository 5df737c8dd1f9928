import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

/** A column holding key-ring envelopes, as the schema declares it (migration 0031). */
export interface SealedColumn {
  table: string;
  column: string;
}

export const sealedColumnName = (column: SealedColumn): string => `${column.table}.${column.column}`;

/**
 * Columns sealed only in some rows, and which: `case_tasks.title` holds clear titles a
 * worker typed beside the sealed titles of tasks copied from a highly sensitive action
 * (migrations 0025, 0033). A typed title that happens to look like an envelope must never
 * be read as one, or it would name a key the server then refuses to start without.
 */
const SEALED_ROWS: Readonly<Record<string, ReturnType<typeof sql>>> = {
  'case_tasks.title': sql`topic is not null`,
};
const sealedRows = (column: SealedColumn) => SEALED_ROWS[sealedColumnName(column)] ?? sql`true`;

/**
 * Columns whose rows say themselves that their value is clear (migration 0036: a BID's words
 * written before sealing), whatever it looks like; such a value names no key.
 */
const CLEAR_ROWS: Readonly<Record<string, ReturnType<typeof sql>>> = {
  'best_interests_determinations.child_views_text': sql`child_views_clear`,
};
const clearRows = (column: SealedColumn) => CLEAR_ROWS[sealedColumnName(column)] ?? sql`false`;

/** Every column whose comment begins with "sealed": the schema, not a list in code, says which. */
export async function listSealedColumns(db: Db | Tx): Promise<SealedColumn[]> {
  const { rows } = await sql<SealedColumn>`
    select c.relname as "table", a.attname as "column"
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_description d on d.objoid = c.oid and d.objsubid = a.attnum and d.classoid = 'pg_class'::regclass
     where n.nspname = current_schema() and a.attnum > 0 and not a.attisdropped and d.description like 'sealed%'
     order by 1, 2`.execute(db);
  return rows;
}

/**
 * How many values of one sealed column name each key id; values that are not envelopes
 * (clear text from before sealing) count under `clear`. Every value is looked at.
 */
export async function countSealedValuesByKey(db: Db | Tx, column: SealedColumn): Promise<Map<string, number>> {
  const value = sql.ref(column.column);
  const { rows } = await sql<{ key_id: string; n: number }>`
    select case when not (${clearRows(column)}) and ${value} like 'v1:%' then split_part(${value}, ':', 2) else 'clear' end as key_id, count(*)::int as n
      from ${sql.table(column.table)}
     where ${value} is not null and ${sealedRows(column)}
     group by 1`.execute(db);
  return new Map(rows.map((row) => [row.key_id, row.n]));
}

/** The key ids some sealed value may name: read at every start, so it stays small. */
export async function recordedKeyIds(db: Db | Tx): Promise<string[]> {
  const { rows } = await sql<{ key_id: string }>`select key_id from sealed_key_ids order by key_id`.execute(db);
  return rows.map((row) => row.key_id);
}

/**
 * Inside the caller's transaction: stops new sealed writes until it commits (the watch
 * triggers insert into sealed_key_ids), so a check of every value cannot miss one written
 * under a key it is about to forget.
 */
export async function holdSealedWrites(tx: Tx): Promise<void> {
  await sql`lock table sealed_key_ids in share row exclusive mode`.execute(tx);
}

/** Makes sealed_key_ids exactly the ids found by a check of every sealed value. */
export async function replaceRecordedKeyIds(tx: Tx, found: readonly string[]): Promise<void> {
  const ids = found.length > 0 ? found : [''];
  await sql`delete from sealed_key_ids where key_id <> all(${ids}::text[])`.execute(tx);
  if (found.length > 0) await sql`insert into sealed_key_ids (key_id) select unnest(${[...found]}::text[]) on conflict do nothing`.execute(tx);
}
