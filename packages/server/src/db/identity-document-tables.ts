import type { Selectable } from 'kysely';
import type { DateColumn, Timestamp } from './column-types';

/** A person's identity documents (migration 0052); joined into Database in schema.ts. */
export interface IdentityDocumentTables {
  person_identity_documents: PersonIdentityDocumentsTable;
}

export interface PersonIdentityDocumentsTable {
  operation_id: string;
  id: string;
  person_id: string;
  position: number;
  type: string;
  /** A key-ring envelope bound to the row and the person (crypto/identity-document-sealing.ts). */
  number_sealed: string | null;
  issuer: string | null;
  expiry_date: DateColumn | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}
export type PersonIdentityDocumentRow = Selectable<PersonIdentityDocumentsTable>;
