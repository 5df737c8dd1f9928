import type { IdentityDocument, IdentityDocumentInput } from '@waymark/contracts';
import { DOCUMENT_TYPES, type DocumentType } from '@waymark/core';

/** One identity document as the form holds it: strings as typed, '' for "not given". */
export interface DocumentDraft {
  /** React's key: the document's id once saved, else made in the browser. */
  key: string;
  /** The saved document's id; absent for one added in this form (or a type held without a record). */
  id?: string;
  type: DocumentType | '';
  number: string;
  /** A number is recorded but this reader was not shown it: left empty, it is kept. */
  numberWithheld: boolean;
  issuer: string;
  expiryDate: string;
}

export function emptyDocument(key: string): DocumentDraft {
  return { key, type: '', number: '', numberWithheld: false, issuer: '', expiryDate: '' };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The rows the form starts from: each recorded document, then each type the person holds
 * without a record (registered before documents had numbers, or by an import), so that
 * every paper the person holds can be completed or removed in one place.
 */
export function documentDrafts(person: { documents: readonly DocumentType[]; identityDocuments: readonly IdentityDocument[] }): DocumentDraft[] {
  const recorded = person.identityDocuments.map((document) => ({
    key: document.id,
    id: document.id,
    type: document.type,
    number: document.number ?? '',
    numberWithheld: document.numberWithheld,
    issuer: document.issuer ?? '',
    expiryDate: document.expiryDate ?? '',
  }));
  const recordedTypes = new Set(person.identityDocuments.map((document) => document.type));
  const typesOnly = person.documents.filter((type) => !recordedTypes.has(type)).map((type) => ({ ...emptyDocument(`type-${type}`), type }));
  return [...recorded, ...typesOnly];
}

/**
 * The request's documents, one for each row in the same order (so the server's paths, such
 * as `/identityDocuments/1/expiryDate`, point at the row the user sees). A withheld number
 * left empty is not sent, which keeps it; the contract checks the rest (an unchosen type
 * arrives as '' and is refused at its field).
 */
export function documentInputs(drafts: readonly DocumentDraft[]): Array<Record<string, unknown>> {
  return drafts.map((draft) => ({
    ...(draft.id === undefined ? {} : { id: draft.id }),
    type: draft.type,
    ...(draft.numberWithheld && draft.number.trim() === '' ? {} : { number: orNull(draft.number) }),
    issuer: orNull(draft.issuer),
    expiryDate: orNull(draft.expiryDate),
  }));
}

/** The types of papers held, as the person's `documents` list: each row's type, once, in vocabulary order. */
export function documentTypes(drafts: readonly DocumentDraft[]): DocumentType[] {
  const held = new Set(drafts.map((draft) => draft.type));
  return DOCUMENT_TYPES.filter((type) => held.has(type));
}

/** The problems of one row's field, from the API's or the contract's JSON Pointers. */
export function documentProblemsAt<P extends { path: string }>(problems: readonly P[] | undefined, index: number, field: keyof IdentityDocumentInput | 'row'): P[] {
  const pattern = field === 'row' ? new RegExp(`/identityDocuments/${index}$`) : new RegExp(`/identityDocuments/${index}/${field}$`);
  return (problems ?? []).filter((problem) => pattern.test(problem.path));
}
