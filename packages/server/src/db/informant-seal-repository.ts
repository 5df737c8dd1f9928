import { sql } from 'kysely';
import type { RowKey } from './case-work-seal-repository';
import type { Tx } from './transaction';

export interface InformantToReseal {
  operation_id: string;
  id: string;
  workplace_id: string;
  informant_name_sealed: string;
}

/**
 * The next workplace reports (primary-key order after `key`) whose informant's name is sealed
 * under another key than the active one. Rows another transaction holds are skipped; the
 * rotation comes back for them.
 */
export async function lockInformantsToReseal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<InformantToReseal[]> {
  const { rows } = await sql<InformantToReseal>`
    select operation_id, id, workplace_id, informant_name_sealed from workplace_reports
     where informant_name_sealed is not null and informant_key_id <> ${activeKeyId}
       and (${key === null} or (operation_id, id) > (${key?.operationId ?? null}::uuid, ${key?.id ?? null}::uuid))
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeInformant(tx: Tx, key: RowKey, sealed: string, keyId: string): Promise<void> {
  await sql`update workplace_reports set informant_name_sealed = ${sealed}, informant_key_id = ${keyId}
             where operation_id = ${key.operationId} and id = ${key.id}`.execute(tx);
}
