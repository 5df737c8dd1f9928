import { RecordNumberSchema } from '@waymark/contracts';
import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

/** The kinds of record that carry a number (migration 0045). */
export type NumberedKind = 'P' | 'H' | 'C';

/**
 * n fresh numbers of one kind in one operation, in order. The counter row stays locked until
 * the caller's transaction ends; outside a transaction the numbers are taken at once, and a
 * caller that then fails leaves a gap (never a reuse).
 */
export async function reserveRecordNumbers(db: Db | Tx, operationId: string, kind: NumberedKind, year: number, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const result = await sql<{ numbers: string[] }>`select reserve_record_numbers(${operationId}::uuid, ${kind}, ${year}::int, ${n}::int) as numbers`.execute(db);
  return result.rows[0]!.numbers;
}

/** A search that is a record number as people type it (any case, spaces around it), or null for a name. */
export function recordNumberQuery(query: string): string | null {
  const parsed = RecordNumberSchema.safeParse(query);
  return parsed.success ? parsed.data : null;
}
