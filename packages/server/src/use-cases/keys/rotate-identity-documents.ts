import { documentNumberAad } from '../../crypto/identity-document-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import { open, seal } from '../../crypto/seal';
import { lockDocumentNumbersToSeal, writeDocumentNumberSealed } from '../../db/identity-documents-repository';
import type { Db } from '../../db/transaction';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';
import { pass } from './rotate-case-work';

/** Identity documents' numbers (migration 0052) under the active key; they were never held in clear. */
export async function rotateDocumentNumbers(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  await pass(
    db,
    (tx, key) => lockDocumentNumbersToSeal(tx, ring.active, key, context.batchSize),
    async (tx, row) => {
      const opened = open(ring, row.number_sealed!, documentNumberAad(row));
      if (!opened.ok) return opened.error === 'unknown_key' ? 'unknownKey' : 'tampered';
      await writeDocumentNumberSealed(tx, { operationId: row.operation_id, id: row.id }, seal(ring, opened.value, documentNumberAad(row)));
      return 'resealed';
    },
    'person_identity_document',
    ring,
    summary,
    context.actorId,
  );
  return summary;
}
