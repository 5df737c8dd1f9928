import { CompiledQuery, sql } from 'kysely';
import { writeAudit, type AuditEvent } from './audit';
import type { Db } from './transaction';

/** Every table that holds rows of an operation (an `operation_id` column), the audit trail aside. */
async function operationTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'operation_id' and t.table_type = 'BASE TABLE'
      and c.table_name not in ('audit_events', 'operations')
    order by c.table_name`.execute(db);
  return rows.map((row) => row.table_name);
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Deletes one operation with every row that carries its id, in one transaction. Tables are
 * found in the catalogue, not listed here, so a table added by a later migration is never
 * left behind. A table still referenced by another is retried after the others (a
 * savepoint per attempt); triggers that append rollup deltas on delete are swept by the
 * passes that follow. The audit trail keeps its entries (append-only, and the hash chain
 * must still verify); the removal itself is appended to it in the same transaction.
 */
export async function deleteOperationEverywhere(db: Db, operationId: string, audit: AuditEvent): Promise<{ rows: number }> {
  const tables = await operationTables(db);
  return db.transaction().execute(async (tx) => {
    let rows = 0;
    for (let pass = 0; pass < tables.length + 2; pass += 1) {
      let deleted = 0;
      const blocked: string[] = [];
      for (const table of tables) {
        await tx.executeQuery(CompiledQuery.raw('savepoint demo_removal'));
        try {
          const result = await tx.executeQuery(CompiledQuery.raw(`delete from "${table}" where operation_id = $1`, [operationId]));
          deleted += Number(result.numAffectedRows ?? 0n);
          await tx.executeQuery(CompiledQuery.raw('release savepoint demo_removal'));
        } catch (error) {
          if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
          await tx.executeQuery(CompiledQuery.raw('rollback to savepoint demo_removal'));
          blocked.push(table);
        }
      }
      rows += deleted;
      if (deleted === 0 && blocked.length === 0) break;
      if (deleted === 0) throw new Error(`rows of ${blocked.join(', ')} could not be deleted`);
    }
    await tx.deleteFrom('operations').where('id', '=', operationId).execute();
    await writeAudit(tx, { ...audit, details: { ...audit.details, rows } });
    return { rows };
  });
}
