import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from './column-types';

/** Sealed protection notes; joined into Database in schema.ts. */
export interface ProtectionNoteTables {
  protection_notes: ProtectionNotesTable;
}

/** Migration 0009. `body_sealed` is an envelope from src/crypto/seal.ts, never plain text. */
export interface ProtectionNotesTable {
  operation_id: string;
  id: string;
  person_id: string;
  topic: string;
  body_sealed: string;
  key_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type ProtectionNoteRow = Selectable<ProtectionNotesTable>;
