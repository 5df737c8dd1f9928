import { sql } from 'kysely';
import type { Tx } from './transaction';

/** Advisory lock namespace for ids being claimed (the two-key form; the audit chain uses another). */
const CLIENT_ID_LOCK = 7_302_927;

/**
 * Whether any of these ids is already a person or a household, in any operation. Each id is
 * locked first (until commit), in a fixed order, so two registrations racing for one id
 * take turns and the second sees the first's row: together with the indexes of migration
 * 0027 this is an installation-wide uniqueness that a distributed table keyed by operation
 * can still keep (docs/ARCHITECTURE.md, "Ids chosen by clients").
 */
export async function anyIdTaken(tx: Tx, ids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  if (unique.length === 0) return false;
  for (const id of unique) await sql`select pg_advisory_xact_lock(${CLIENT_ID_LOCK}, hashtext(${id}))`.execute(tx);
  const list = sql.join(unique.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{ taken: boolean }>`
    select exists (select 1 from persons where id in (${list}))
        or exists (select 1 from households where id in (${list})) as taken`.execute(tx);
  return rows[0]?.taken === true;
}
