import type { ColumnType, Selectable } from 'kysely';
import type { Timestamp, Json } from './column-types';

/** Screenings, append-only; joined into Database in schema.ts. */
export interface ScreeningTables {
  screenings: ScreeningsTable;
}

export interface ScreeningsTable {
  operation_id: string;
  id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: number;
  rule_version: string;
  /** Null when reused unchanged from `rescored_from`. */
  responses: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  outcome: Json<unknown>;
  risk_level: string;
  rescored_from: string | null;
  screened_at: Timestamp;
  screened_by: string | null;
  /** Migration 0011: answers removed and signals stripped; levels kept. */
  anonymised_at: Timestamp | null;
  /**
   * Migration 0012: an envelope (src/crypto/screening-answers.ts) holding the answers to
   * highly sensitive items and the signals and follow-ups naming them; never plain text.
   */
  sealed_answers: string | null;
}

export type ScreeningRow = Selectable<ScreeningsTable>;
