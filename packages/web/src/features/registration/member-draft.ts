import {
  HouseholdCreateSchema,
  PersonCreateSchema,
  fieldProblemsFromZod,
  toPointer,
  type FieldProblem,
  type HouseholdCreate,
  type PersonCreate,
  type Site,
} from '@waymark/contracts';
import { documentInputs, type DocumentDraft } from './document-draft';
import {
  ageInYears,
  checkHouseholdHead,
  checkIdentityDocuments,
  checkPersonDates,
  type CareSituation,
  type LegalStatus,
  type RelationshipToHead,
  type Sex,
} from '@waymark/core';

export const OTHER_NATIONALITY = 'other';

/** What the form holds for one person: strings as typed, '' for "not chosen". */
export interface MemberDraft {
  key: string;
  givenName: string;
  familyName: string;
  otherNames: string;
  originalScriptName: string;
  sex: Sex | '';
  dateOfBirth: string;
  birthYear: string;
  birthYearEstimated: boolean;
  nationality: string;
  nationalityOther: string;
  languages: string[];
  legalStatus: LegalStatus | '';
  /** Every paper the person holds, with or without its number (DocumentsFields). */
  identityDocuments: DocumentDraft[];
  arrivalDate: string;
  careSituation: CareSituation | '';
  relationshipToHead: RelationshipToHead | '';
}

export function emptyMember(key: string, relationshipToHead: RelationshipToHead | ''): MemberDraft {
  return {
    key,
    givenName: '',
    familyName: '',
    otherNames: '',
    originalScriptName: '',
    sex: '',
    dateOfBirth: '',
    birthYear: '',
    birthYearEstimated: false,
    nationality: '',
    nationalityOther: '',
    languages: [],
    legalStatus: '',
    identityDocuments: [],
    arrivalDate: '',
    careSituation: '',
    relationshipToHead,
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const yearOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** Age from what has been typed so far; null while neither birth field is usable. */
export function draftAge(draft: MemberDraft, today: Date): number | null {
  const dateOfBirth = /^\d{4}-\d{2}-\d{2}$/.test(draft.dateOfBirth) ? draft.dateOfBirth : null;
  const birthYear = yearOrNull(draft.birthYear);
  return ageInYears({ dateOfBirth, birthYear: birthYear !== null && Number.isInteger(birthYear) ? birthYear : null }, today);
}

/** Care situation is a child's: asked only when the age shows one. */
export function isChild(draft: MemberDraft, today: Date): boolean {
  const age = draftAge(draft, today);
  return age !== null && age >= 0 && age < 18;
}

function nationalityOf(draft: MemberDraft): string | null {
  if (draft.nationality === OTHER_NATIONALITY) return orNull(draft.nationalityOther.toUpperCase());
  return orNull(draft.nationality);
}

/** The request fields for one member, before the contract checks them. */
function candidateFields(draft: MemberDraft, today: Date): Record<string, unknown> {
  return {
    givenName: draft.givenName,
    familyName: draft.familyName,
    otherNames: draft.otherNames.split(/[,;،]/).map((name) => name.trim()).filter(Boolean),
    originalScriptName: orNull(draft.originalScriptName),
    ...(draft.sex === '' ? {} : { sex: draft.sex }),
    dateOfBirth: orNull(draft.dateOfBirth),
    birthYear: yearOrNull(draft.birthYear),
    birthYearEstimated: draft.birthYearEstimated,
    nationality: nationalityOf(draft),
    languages: draft.languages,
    legalStatus: draft.legalStatus === '' ? null : draft.legalStatus,
    // Each row is a document record; the server adds their types to `documents`.
    identityDocuments: documentInputs(draft.identityDocuments),
    arrivalDate: orNull(draft.arrivalDate),
    careSituation: draft.careSituation !== '' && isChild(draft, today) ? draft.careSituation : null,
  };
}

export type Validated<T> = { ok: true; body: T } | { ok: false; problems: FieldProblem[] };

function pointerProblems(problems: ReadonlyArray<{ code: string; path: (string | number)[]; message: string }>): FieldProblem[] {
  return problems.map((problem) => ({ code: problem.code, path: toPointer(problem.path), message: problem.message }));
}

/**
 * The same checks the server runs (the contract's schema, core's registration rules),
 * so most mistakes show before sending; the server's answer is still the last word.
 */
export function validatePerson(draft: MemberDraft, site: Site | null, operationId: string | undefined, today: Date): Validated<PersonCreate> {
  const parsed = PersonCreateSchema.safeParse({
    ...candidateFields(draft, today),
    siteId: site?.id ?? null,
    ...(operationId ? { operationId } : {}),
  });
  if (!parsed.success) return { ok: false, problems: fieldProblemsFromZod(parsed.error) };
  const rules = pointerProblems([...checkPersonDates(parsed.data, today), ...checkIdentityDocuments(parsed.data.identityDocuments, parsed.data, today)]);
  return rules.length > 0 ? { ok: false, problems: rules } : { ok: true, body: parsed.data };
}

export function validateHousehold(drafts: readonly MemberDraft[], site: Site | null, operationId: string | undefined, today: Date): Validated<HouseholdCreate> {
  const parsed = HouseholdCreateSchema.safeParse({
    siteId: site?.id ?? null,
    ...(operationId ? { operationId } : {}),
    members: drafts.map((draft) => ({
      ...candidateFields(draft, today),
      ...(draft.relationshipToHead === '' ? {} : { relationshipToHead: draft.relationshipToHead }),
    })),
  });
  if (!parsed.success) return { ok: false, problems: fieldProblemsFromZod(parsed.error) };
  const rules = pointerProblems([
    ...checkHouseholdHead(parsed.data.members),
    ...parsed.data.members.flatMap((member, index) => checkPersonDates(member, today, ['members', index])),
    ...parsed.data.members.flatMap((member, index) => checkIdentityDocuments(member.identityDocuments, member, today, ['members', index, 'identityDocuments'])),
  ]);
  return rules.length > 0 ? { ok: false, problems: rules } : { ok: true, body: parsed.data };
}
