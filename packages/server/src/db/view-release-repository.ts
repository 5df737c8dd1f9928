import type { KeyedRow } from '@waymark/core';
import type { OperationKeyedRow } from './labour-repository';
import type { Db, Tx } from './transaction';

export type ReleasedView = 'programme-coverage' | 'labour-by-area';

/** The released rows of a view and subject ('' for the labour layer) in these operations. */
export async function releasedViewRows(db: Db | Tx, operationIds: readonly string[], view: ReleasedView, subject: string): Promise<OperationKeyedRow[]> {
  if (operationIds.length === 0) return [];
  const rows = await db
    .selectFrom('view_release_rows')
    .select(['operation_id', 'family', 'area', 'row_key', 'n', 'key_sum'])
    .where('operation_id', 'in', operationIds)
    .where('view', '=', view)
    .where('subject', '=', subject)
    .execute();
  return rows.map((row) => ({ operationId: row.operation_id, family: row.family, area: row.area, row: row.row_key, n: row.n, keySum: Number(row.key_sum) }));
}

/** Replaces the released rows of a view and subject in one operation by these (inside the cut's transaction). */
export async function replaceViewRelease(tx: Tx, operationId: string, view: ReleasedView, subject: string, rows: readonly KeyedRow[]): Promise<void> {
  await tx.deleteFrom('view_release_rows').where('operation_id', '=', operationId).where('view', '=', view).where('subject', '=', subject).execute();
  if (rows.length === 0) return;
  await tx
    .insertInto('view_release_rows')
    .values(rows.map((row) => ({ operation_id: operationId, view, subject, family: row.family, area: row.area, row_key: row.row, n: row.n, key_sum: row.keySum })))
    .execute();
}
