import type { Db } from './transaction';

/** The command line names operations by code (`--operation LBN`); the views take ids. */
export async function operationIdByCode(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('operations').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}
