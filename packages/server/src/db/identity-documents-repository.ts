import { sql, type Insertable } from 'kysely';
import { after, type RowKey } from './case-work-seal-repository';
import type { PersonIdentityDocumentRow, PersonIdentityDocumentsTable } from './schema';
import type { Db, Tx } from './transaction';

/** One person's identity documents, in the order they were listed. */
export async function documentsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<PersonIdentityDocumentRow[]> {
  return db
    .selectFrom('person_identity_documents')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * Makes the person's documents exactly these rows (the caller has sealed the numbers and
 * holds the person's row lock): the others are deleted, ciphertext and all.
 */
export async function replaceDocumentsOfPerson(
  tx: Tx,
  person: { operationId: string; personId: string },
  rows: ReadonlyArray<Insertable<PersonIdentityDocumentsTable>>,
): Promise<PersonIdentityDocumentRow[]> {
  await deleteDocumentsOfPerson(tx, person.operationId, person.personId);
  if (rows.length === 0) return [];
  return tx.insertInto('person_identity_documents').values([...rows]).returningAll().execute();
}

/** Erasure: the documents go, number, issuer and all. */
export async function deleteDocumentsOfPerson(tx: Tx, operationId: string, personId: string): Promise<number> {
  const deleted = await tx.deleteFrom('person_identity_documents').where('operation_id', '=', operationId).where('person_id', '=', personId).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/** The next documents (primary-key order after `key`) whose number is sealed under another key than the active one. */
export async function lockDocumentNumbersToSeal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<PersonIdentityDocumentRow[]> {
  const { rows } = await sql<PersonIdentityDocumentRow>`
    select * from person_identity_documents
     where number_sealed is not null
       and ${after(key)}
       and number_sealed not like ${`v1:${activeKeyId}:%`}
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeDocumentNumberSealed(tx: Tx, key: RowKey, sealed: string): Promise<void> {
  await tx.updateTable('person_identity_documents').set({ number_sealed: sealed }).where('operation_id', '=', key.operationId).where('id', '=', key.id).execute();
}
