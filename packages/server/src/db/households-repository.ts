import { sql } from 'kysely';
import type { HouseholdRow } from './schema';
import type { Db, Tx } from './transaction';

export async function insertHousehold(
  tx: Tx,
  row: { operation_id: string; id: string; site_id: string | null; head_person_id: string | null; created_by: string },
): Promise<HouseholdRow> {
  return tx
    .insertInto('households')
    .values({ ...row, updated_by: row.created_by })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findHousehold(db: Db | Tx, operationIds: readonly string[], id: string): Promise<HouseholdRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db
    .selectFrom('households')
    .selectAll()
    .where('operation_id', 'in', operationIds)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateHouseholdAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: { site_id?: string | null; head_person_id?: string | null; updated_by: string },
): Promise<HouseholdRow | undefined> {
  return tx
    .updateTable('households')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}
