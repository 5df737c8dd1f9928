import { err, ok, type Result } from '@waymark/core';
import type { PersonIdentityDocumentRow } from '../db/schema';
import { failure, type Failure } from '../failure';
import type { KeyRing } from './key-ring';
import { open, seal } from './seal';

// An identity document's number (migration 0052), sealed and bound to the row and the person
// (the AAD): a ciphertext copied to another document or person does not open.

type DocumentPlace = Pick<PersonIdentityDocumentRow, 'operation_id' | 'id' | 'person_id'>;

export function documentNumberAad(row: DocumentPlace): string {
  return `person_identity_documents:number_sealed:${row.operation_id}:${row.id}:${row.person_id}`;
}

export function sealDocumentNumber(ring: KeyRing, row: DocumentPlace, number: string): string {
  return seal(ring, number, documentNumberAad(row));
}

/** The number in clear, or null when none was recorded. */
export function openDocumentNumber(ring: KeyRing | undefined, row: DocumentPlace & Pick<PersonIdentityDocumentRow, 'number_sealed'>): Result<string | null, Failure> {
  if (row.number_sealed === null) return ok(null);
  if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
  const opened = open(ring, row.number_sealed, documentNumberAad(row));
  if (!opened.ok) return err(failure(opened.error === 'unknown_key' ? 'encryption_unavailable' : 'sealed_value_unreadable'));
  return ok(opened.value);
}
