import type { RegistrationProblem } from './validate-person';
import { DOCUMENT_TYPES, type DocumentType } from './vocabulary';

/** The longest document number kept: passports and refugee certificates are far shorter. */
export const DOCUMENT_NUMBER_MAX = 40;
/** An issuer: an ISO country code or the authority's name as printed. */
export const DOCUMENT_ISSUER_MAX = 120;
/** At most this many documents a person. */
export const DOCUMENTS_PER_PERSON_MAX = 20;
/** No document still kept in a file expired before this year. */
export const DOCUMENT_EXPIRY_EARLIEST_YEAR = 1950;
/** No identity document is issued for longer than this (passports: 10, some IDs: 15 to 20). */
export const DOCUMENT_VALIDITY_MAX_YEARS = 30;

export interface IdentityDocumentFacts {
  id?: string | undefined;
  type: DocumentType;
  expiryDate: string | null;
}

/**
 * What a shape check cannot see in a person's identity documents: an expiry that cannot be
 * (before 1950, more than 30 years from today, or before the holder was born), and one
 * document recorded twice (the same id). An expired document is no problem: a caseworker
 * records the papers a person holds, valid or not. `today` is the caller's clock.
 */
export function checkIdentityDocuments(
  documents: readonly IdentityDocumentFacts[],
  holder: { dateOfBirth: string | null; birthYear: number | null },
  today: Date,
  at: (string | number)[] = ['identityDocuments'],
): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const latest = `${String(today.getUTCFullYear() + DOCUMENT_VALIDITY_MAX_YEARS).padStart(4, '0')}${today.toISOString().slice(4, 10)}`;
  const earliest = `${DOCUMENT_EXPIRY_EARLIEST_YEAR}-01-01`;
  const birth = holder.dateOfBirth ?? (holder.birthYear !== null ? `${holder.birthYear}-01-01` : null);
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    const expiry = document.expiryDate;
    if (expiry !== null) {
      if (expiry < earliest || expiry > latest) {
        problems.push({
          code: 'document_expiry_out_of_range',
          path: [...at, index, 'expiryDate'],
          message: `expiry between ${earliest} and ${latest} (${DOCUMENT_VALIDITY_MAX_YEARS} years from today)`,
        });
      } else if (birth !== null && expiry < birth) {
        problems.push({ code: 'document_expiry_before_birth', path: [...at, index, 'expiryDate'], message: 'the document expires before its holder was born' });
      }
    }
    if (document.id !== undefined) {
      if (seen.has(document.id)) problems.push({ code: 'duplicate_document', path: [...at, index, 'id'], message: 'the same document is listed twice' });
      seen.add(document.id);
    }
  });
  return problems;
}

/**
 * The types of papers a person holds (`persons.documents`), which screening facts, rollups,
 * imports and the bulk loader read. Kept beside the recorded documents rather than replaced
 * by them: a type may be known without its number ("has a birth certificate", from an older
 * client, an import or the demo population), and a million-row bulk load has no numbers to
 * write. The rule that keeps both consistent: every recorded document's type is held, so
 * the list is the types given without a record plus the types of the records, in vocabulary
 * order, each once.
 */
export function documentTypesHeld(withoutRecord: readonly DocumentType[], records: ReadonlyArray<{ type: DocumentType }>): DocumentType[] {
  const held = new Set<DocumentType>([...withoutRecord, ...records.map((record) => record.type)]);
  return DOCUMENT_TYPES.filter((type) => held.has(type));
}

/**
 * After an edit that replaces the recorded documents: types held without a record stay (no
 * record said otherwise), types that only a removed record gave go, and the new records'
 * types are held.
 */
export function documentTypesAfterEdit(
  current: readonly DocumentType[],
  currentRecords: ReadonlyArray<{ type: DocumentType }>,
  nextRecords: ReadonlyArray<{ type: DocumentType }>,
): DocumentType[] {
  const recorded = new Set(currentRecords.map((record) => record.type));
  return documentTypesHeld(
    current.filter((type) => !recorded.has(type)),
    nextRecords,
  );
}
