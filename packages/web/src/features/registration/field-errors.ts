import type { FieldProblem } from '@waymark/contracts';
import { decodePointer } from '../../api/json-pointer';

export type RegistrationMode = 'person' | 'household';

/** Where a problem shows: next to one member's field, the site picker, or the form as a whole. */
export type FieldSlot = `members.${number}.${string}` | 'site' | 'setting' | 'area' | 'operation' | 'members' | 'form';

/** Member fields the form has an input for; a problem on anything else shows at the top. */
export const MEMBER_FIELDS = [
  'givenName',
  'familyName',
  'otherNames',
  'originalScriptName',
  'sex',
  'dateOfBirth',
  'birthYear',
  'birthYearEstimated',
  'nationality',
  'languages',
  'legalStatus',
  'documents',
  // Every problem of every document row: DocumentsFields places each at its row and field.
  'identityDocuments',
  'arrivalDate',
  'careSituation',
  'relationshipToHead',
] as const;
const MEMBER_FIELD_SET: ReadonlySet<string> = new Set(MEMBER_FIELDS);

function memberSlot(index: number, field: string | undefined): FieldSlot {
  return field !== undefined && MEMBER_FIELD_SET.has(field) ? `members.${index}.${field}` : 'form';
}

/** Setting and admin area are asked once for everyone registered together (PlacementFields). */
function placementSlot(field: string | undefined): FieldSlot | null {
  return field === 'setting' ? 'setting' : field === 'adminAreaCode' ? 'area' : null;
}

/**
 * Maps a JSON Pointer from the API to the input it is about. A person registered alone
 * is member 0 of the form; `/languages/2` belongs to the languages picker.
 */
export function slotForPointer(pointer: string, mode: RegistrationMode): FieldSlot {
  const [head, second, third] = decodePointer(pointer);
  if (head === 'siteId') return 'site';
  if (head === 'operationId') return 'operation';
  if (mode === 'person') return placementSlot(head) ?? memberSlot(0, head);
  if (head !== 'members') return 'form';
  if (second === undefined) return 'members';
  const index = Number(second);
  if (!Number.isInteger(index) || index < 0) return 'members';
  // A member's own site is always the household's in this form.
  if (third === 'siteId') return 'site';
  return placementSlot(third) ?? memberSlot(index, third);
}

export function groupBySlot(problems: readonly FieldProblem[], mode: RegistrationMode): Map<FieldSlot, FieldProblem[]> {
  const grouped = new Map<FieldSlot, FieldProblem[]>();
  for (const problem of problems) {
    const slot = slotForPointer(problem.path, mode);
    grouped.set(slot, [...(grouped.get(slot) ?? []), problem]);
  }
  return grouped;
}
