import { sql, type Insertable, type Updateable } from 'kysely';
import type { CareArrangementCorrectionRow, CareArrangementCorrectionsTable, CareArrangementRow, CareArrangementsTable } from './schema';
import type { Db, Tx } from './transaction';

// Changes to a child's care-arrangement history (migration 0042): ending and correcting
// an arrangement in place at the version read, and the corrections kept beside it.

/** Serialises changes to one child's history, so two overlapping periods cannot both pass. */
export async function lockChildHistory(tx: Tx, operationId: string, personId: string): Promise<void> {
  await tx.selectFrom('persons').select('id').where('operation_id', '=', operationId).where('id', '=', personId).forUpdate().execute();
}

/** One arrangement by id in the given operations (the caller then reaches its child through the scope). */
export async function findArrangement(db: Db | Tx, operationIds: readonly string[], id: string): Promise<CareArrangementRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db.selectFrom('care_arrangements').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).executeTakeFirst();
}

type ArrangementChange = Pick<Updateable<CareArrangementsTable>, 'kind' | 'carer_person_id' | 'carer_ref' | 'started_on' | 'ended_on'>;

/** Changes an arrangement at the version read; undefined when someone changed it first. */
export async function updateArrangementAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  change: ArrangementChange,
  userId: string,
): Promise<CareArrangementRow | undefined> {
  return tx
    .updateTable('care_arrangements')
    .set({ ...change, updated_by: userId, updated_at: sql`now()`, version: sql<number>`version + 1` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertCorrection(tx: Tx, row: Insertable<CareArrangementCorrectionsTable>): Promise<CareArrangementCorrectionRow> {
  return tx.insertInto('care_arrangement_corrections').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A child's corrections, oldest first (the presenter files them under their arrangement). */
export async function correctionsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<CareArrangementCorrectionRow[]> {
  return db
    .selectFrom('care_arrangement_corrections')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('corrected_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1000)
    .execute();
}
