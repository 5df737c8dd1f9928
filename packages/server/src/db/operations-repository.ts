import type { Db, Tx } from './transaction';

export async function listOperations(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('operations').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('code').execute();
}

export async function listSites(db: Db | Tx, operationIds: readonly string[]) {
  if (operationIds.length === 0) return [];
  return db
    .selectFrom('sites')
    .select(['id', 'operation_id', 'code', 'name', 'setting', 'admin_area_code'])
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
