import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

const SITE_COLUMNS = ['id', 'operation_id', 'code', 'name', 'setting', 'admin_area_code', 'latitude', 'longitude', 'version'] as const;

export interface SiteValues {
  name: string;
  setting: string | null;
  admin_area_code: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Whether the operation has an admin area of this code (any level). */
export async function adminAreaExists(db: Db | Tx, operationId: string, code: string): Promise<boolean> {
  const row = await db.selectFrom('admin_areas').select('code').where('operation_id', '=', operationId).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** Which of `codes` are admin areas of the operation: one query for a whole household. */
export async function knownAdminAreaCodes(db: Db | Tx, operationId: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('admin_areas').select('code').where('operation_id', '=', operationId).where('code', 'in', [...new Set(codes)]).execute();
  return new Set(rows.map((row) => row.code));
}

/** Undefined when the code is taken in this operation (the unique key says so, no race). */
export async function insertSite(tx: Tx, row: SiteValues & { operation_id: string; id: string; code: string }) {
  return tx.insertInto('sites').values(row).onConflict((conflict) => conflict.columns(['operation_id', 'code']).doNothing()).returning(SITE_COLUMNS).executeTakeFirst();
}

export async function findSiteInOperations(db: Db | Tx, operationIds: readonly string[], id: string) {
  if (operationIds.length === 0) return undefined;
  return db.selectFrom('sites').select(SITE_COLUMNS).where('operation_id', 'in', operationIds).where('id', '=', id).executeTakeFirst();
}

export async function updateSiteAtVersion(tx: Tx, key: { operationId: string; id: string; version: number }, changes: Partial<SiteValues>) {
  return tx
    .updateTable('sites')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returning(SITE_COLUMNS)
    .executeTakeFirst();
}

/** Whether the operation has loaded any boundaries (admin areas) yet. */
export async function operationHasAdminAreas(db: Db | Tx, operationId: string): Promise<boolean> {
  const row = await db.selectFrom('admin_areas').select('code').where('operation_id', '=', operationId).limit(1).executeTakeFirst();
  return row !== undefined;
}
