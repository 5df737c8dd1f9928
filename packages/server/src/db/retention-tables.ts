import type { Generated, Selectable } from 'kysely';

/** An operation's retention policy; joined into Database in schema.ts. */
export interface RetentionTables {
  operation_retention: OperationRetentionTable;
}

/** Migration 0011: an operation's retention policy; a null rule is off. */
export interface OperationRetentionTable {
  operation_id: string;
  id: string;
  anonymise_inactive_after_days: number | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export type OperationRetentionRow = Selectable<OperationRetentionTable>;
