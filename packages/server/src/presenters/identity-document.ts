import type { IdentityDocument } from '@waymark/contracts';
import type { PersonIdentityDocumentRow } from '../db/schema';

/**
 * An explicit allow-list. The number comes opened by the caller, only for a reader allowed to
 * see it (use-cases/persons/identity-documents.ts); otherwise it is null and, when one was
 * recorded, said to be withheld.
 */
export function presentIdentityDocument(row: PersonIdentityDocumentRow, number: { value: string | null; withheld: boolean }): IdentityDocument {
  return {
    id: row.id,
    type: row.type as IdentityDocument['type'],
    number: number.value,
    numberWithheld: number.withheld,
    issuer: row.issuer,
    expiryDate: row.expiry_date,
  };
}
