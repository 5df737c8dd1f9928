import { checkIdentityDocuments, err, FIELD_REGISTRY, mayReadField, ok, type Actor, type RecordRef, type RegistrationProblem, type Result } from '@waymark/core';
import type { IdentityDocument, IdentityDocumentInput } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { openDocumentNumber, sealDocumentNumber } from '../../crypto/identity-document-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import { documentsOfPerson, replaceDocumentsOfPerson } from '../../db/identity-documents-repository';
import type { PersonIdentityDocumentRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentIdentityDocument } from '../../presenters/identity-document';

export interface DocumentHolder {
  operationId: string;
  personId: string;
  dateOfBirth: string | null;
  birthYear: number | null;
}

/**
 * What is wrong with a list of documents before anything is written: core's rules (expiry,
 * the same document twice), and an `id` that is not one of this person's documents (a new
 * document gets its id here, so an id can only name one the person already has).
 */
export function documentProblems(
  inputs: readonly IdentityDocumentInput[],
  holder: Pick<DocumentHolder, 'dateOfBirth' | 'birthYear'>,
  current: readonly PersonIdentityDocumentRow[],
  today: Date,
  at: (string | number)[],
): RegistrationProblem[] {
  const known = new Set(current.map((row) => row.id));
  const unknown = inputs.flatMap((input, index) =>
    input.id !== undefined && !known.has(input.id)
      ? [{ code: 'unknown_document', path: [...at, index, 'id'], message: "not one of this person's documents" }]
      : [],
  );
  return [...checkIdentityDocuments(inputs, holder, today, at), ...unknown];
}

/**
 * Makes the person's documents the given list, inside the caller's transaction (which holds
 * the person's row lock and has checked `documentProblems`). Numbers are sealed here; a
 * document named by its id without a `number` keeps its sealed number untouched.
 */
export async function writeIdentityDocuments(
  tx: Tx,
  ring: KeyRing | undefined,
  actorId: string,
  holder: DocumentHolder,
  inputs: readonly IdentityDocumentInput[],
  current: readonly PersonIdentityDocumentRow[],
): Promise<Result<PersonIdentityDocumentRow[], Failure>> {
  const byId = new Map(current.map((row) => [row.id, row]));
  const rows = [];
  for (const [position, input] of inputs.entries()) {
    const existing = input.id === undefined ? undefined : byId.get(input.id);
    const id = existing?.id ?? uuidv7();
    const place = { operation_id: holder.operationId, id, person_id: holder.personId };
    let numberSealed: string | null;
    if (input.number === undefined) numberSealed = existing?.number_sealed ?? null;
    else if (input.number === null) numberSealed = null;
    else if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring to seal a document number'));
    else numberSealed = sealDocumentNumber(ring, place, input.number);
    rows.push({
      ...place,
      position,
      type: input.type,
      number_sealed: numberSealed,
      issuer: input.issuer,
      expiry_date: input.expiryDate,
      created_at: existing?.created_at ?? new Date(),
      created_by: existing ? existing.created_by : actorId,
      updated_by: actorId,
    });
  }
  return ok(await replaceDocumentsOfPerson(tx, { operationId: holder.operationId, personId: holder.personId }, rows));
}

/**
 * The documents as this reader may see them: the number opened only for a reader of
 * sensitive person fields (the field registry), otherwise null and said to be withheld.
 * A number whose key is not on this server is withheld too, rather than hiding the record.
 */
export function presentIdentityDocumentsFor(
  ring: KeyRing | undefined,
  rows: readonly PersonIdentityDocumentRow[],
  reader: { actor: Actor; person: RecordRef },
): Result<IdentityDocument[], Failure> {
  const mayRead = mayReadField(reader.actor, FIELD_REGISTRY['person.identityDocuments.number'], reader.person);
  const documents: IdentityDocument[] = [];
  for (const row of rows) {
    if (row.number_sealed === null || !mayRead) {
      documents.push(presentIdentityDocument(row, { value: null, withheld: row.number_sealed !== null }));
      continue;
    }
    const opened = openDocumentNumber(ring, row);
    if (!opened.ok) {
      if (opened.error.code !== 'encryption_unavailable') return opened;
      documents.push(presentIdentityDocument(row, { value: null, withheld: true }));
      continue;
    }
    documents.push(presentIdentityDocument(row, { value: opened.value, withheld: false }));
  }
  return ok(documents);
}

/** One person's documents read and presented for this reader. */
export async function identityDocumentsFor(
  tx: Tx,
  ring: KeyRing | undefined,
  reader: { actor: Actor; person: RecordRef & { personId: string } },
): Promise<Result<IdentityDocument[], Failure>> {
  const rows = await documentsOfPerson(tx, reader.person.operationId, reader.person.personId);
  return presentIdentityDocumentsFor(ring, rows, reader);
}
