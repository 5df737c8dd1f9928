import type { Db, Tx } from './transaction';

export async function listOperations(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('operations').select(['id', 'code', 'name', 'synthetic']).where('id', 'in', ids).orderBy('code').execute();
}

export async function listSites(db: Db | Tx, operationIds: readonly string[]) {
  if (operationIds.length === 0) return [];
  return db
    .selectFrom('sites')
    .select(['id', 'operation_id', 'code', 'name', 'setting', 'admin_area_code', 'latitude', 'longitude', 'version'])
    .where('operation_id', 'in', operationIds)
    .orderBy('name')
    .execute();
}

export async function findSite(db: Db | Tx, operationId: string, siteId: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'operation_id', 'setting', 'admin_area_code'])
    .where('operation_id', '=', operationId)
    .where('id', '=', siteId)
    .executeTakeFirst();
}

/** Whether the operation asks a second factor of everyone in it; undefined if there is no such operation. */
export async function findOperationMfaRequired(db: Db | Tx, operationId: string): Promise<boolean | undefined> {
  return (await db.selectFrom('operations').select('mfa_required').where('id', '=', operationId).executeTakeFirst())?.mfa_required;
}

/** Sets it, returning what it was (read under a row lock, so the audit says what changed). */
export async function setOperationMfaRequired(tx: Tx, operationId: string, mfaRequired: boolean): Promise<boolean | undefined> {
  const row = await tx.selectFrom('operations').select('mfa_required').where('id', '=', operationId).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  await tx.updateTable('operations').set({ mfa_required: mfaRequired }).where('id', '=', operationId).execute();
  return row.mfa_required;
}

/** Whether any of these operations is a synthetic demo (false for real ones, and for none at all). */
export async function anySyntheticOperation(db: Db | Tx, operationIds: readonly string[]): Promise<boolean> {
  if (operationIds.length === 0) return false;
  const found = await db.selectFrom('operations').select('id').where('id', 'in', operationIds).where('synthetic', '=', true).limit(1).executeTakeFirst();
  return found !== undefined;
}
