import { PersonUpdateSchema, fieldProblemsFromZod, toPointer, type Person, type PersonDetail, type PersonUpdate } from '@waymark/contracts';
import type { Setting } from '@waymark/core';
import type { Placement } from '../registration/PlacementFields';
import { checkIdentityDocuments, checkPersonDates } from '@waymark/core';
import { documentDrafts, documentInputs } from '../registration/document-draft';
import { isChild, OTHER_NATIONALITY, type MemberDraft, type Validated } from '../registration/member-draft';
import { COMMON_NATIONALITIES } from '../../shared/picker-lists';

export function draftFromPerson(person: PersonDetail): MemberDraft {
  const common = person.nationality !== null && (COMMON_NATIONALITIES as readonly string[]).includes(person.nationality);
  return {
    key: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    otherNames: person.otherNames.join(', '),
    originalScriptName: person.originalScriptName ?? '',
    sex: person.sex,
    dateOfBirth: person.dateOfBirth ?? '',
    birthYear: person.birthYear === null ? '' : String(person.birthYear),
    birthYearEstimated: person.birthYearEstimated,
    nationality: person.nationality === null ? '' : common ? person.nationality : OTHER_NATIONALITY,
    nationalityOther: common ? '' : person.nationality ?? '',
    languages: [...person.languages],
    legalStatus: person.legalStatus ?? '',
    identityDocuments: documentDrafts(person),
    arrivalDate: person.arrivalDate ?? '',
    careSituation: person.careSituation ?? '',
    relationshipToHead: person.relationshipToHead ?? '',
  };
}

const EDITABLE = [
  'givenName', 'familyName', 'otherNames', 'originalScriptName', 'sex', 'dateOfBirth', 'birthYear',
  'birthYearEstimated', 'nationality', 'languages', 'legalStatus', 'arrivalDate', 'careSituation',
] as const;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function draftValues(draft: MemberDraft, today: Date): Record<(typeof EDITABLE)[number], unknown> {
  return {
    givenName: draft.givenName,
    familyName: draft.familyName,
    otherNames: draft.otherNames.split(/[,;،]/).map((name) => name.trim()).filter(Boolean),
    originalScriptName: orNull(draft.originalScriptName),
    sex: draft.sex === '' ? undefined : draft.sex,
    dateOfBirth: orNull(draft.dateOfBirth),
    birthYear: draft.birthYear.trim() === '' ? null : Number(draft.birthYear),
    birthYearEstimated: draft.birthYearEstimated,
    nationality: draft.nationality === OTHER_NATIONALITY ? orNull(draft.nationalityOther.toUpperCase()) : orNull(draft.nationality),
    languages: draft.languages,
    legalStatus: draft.legalStatus === '' ? null : draft.legalStatus,
    arrivalDate: orNull(draft.arrivalDate),
    careSituation: draft.careSituation !== '' && isChild(draft, today) ? draft.careSituation : null,
  };
}

/** Only what changed goes to the server, with the version it was read at. */
export function validatePersonUpdate(person: PersonDetail, draft: MemberDraft, today: Date): Validated<PersonUpdate> {
  const values = draftValues(draft, today);
  const changed: Record<string, unknown> = Object.fromEntries(
    EDITABLE.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(person[key])).map((key) => [key, values[key]]),
  );
  // Documents go as a whole list when any row changed: every row is then a record, so no
  // type is held without one (`documents: []`) and a removed row's type goes with it.
  const documents = documentInputs(draft.identityDocuments);
  if (JSON.stringify(documents) !== JSON.stringify(documentInputs(documentDrafts(person)))) {
    changed.identityDocuments = documents;
    changed.documents = [];
  }
  const parsed = PersonUpdateSchema.safeParse({ version: person.version, ...changed });
  if (!parsed.success) return { ok: false, problems: fieldProblemsFromZod(parsed.error) };
  const merged = { ...person, ...parsed.data };
  const rules = [...checkPersonDates(merged, today), ...checkIdentityDocuments(parsed.data.identityDocuments ?? [], merged, today)].map((problem) => ({ ...problem, path: toPointer(problem.path) }));
  return rules.length > 0 ? { ok: false, problems: rules } : { ok: true, body: parsed.data };
}

/**
 * Site, setting and admin area as an edit: only what changed. An emptied setting or area is
 * cleared (null), unlike at registration where empty means "as the site says".
 */
export function placementChanges(person: Person, siteId: string, placement: Placement): Pick<PersonUpdate, 'siteId' | 'setting' | 'adminAreaCode'> {
  const site = siteId === '' ? null : siteId;
  const setting = placement.setting === '' ? null : (placement.setting as Setting);
  const area = placement.adminAreaCode.trim() === '' ? null : placement.adminAreaCode.trim();
  return {
    ...(site !== person.siteId ? { siteId: site } : {}),
    ...(setting !== person.setting ? { setting } : {}),
    ...(area !== person.adminAreaCode ? { adminAreaCode: area } : {}),
  };
}
