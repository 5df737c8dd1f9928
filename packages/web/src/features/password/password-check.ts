import { PasswordChangeSchema, type FieldProblem } from '@waymark/contracts';
import { decodePointer } from '../../api/json-pointer';
import { isApiProblem } from '../../api/problem';

/** The server's minimum, read from the contract so the two cannot drift apart. */
export const MIN_PASSWORD_LENGTH = PasswordChangeSchema.shape.newPassword.minLength ?? 12;

export interface PasswordDraft {
  currentPassword: string;
  newPassword: string;
  /** Typed twice to catch a slip; never sent. */
  repeatPassword: string;
}

export type PasswordField = keyof PasswordDraft;

export const PASSWORD_FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'repeatPassword'];

export const EMPTY_PASSWORD_DRAFT: PasswordDraft = { currentPassword: '', newPassword: '', repeatPassword: '' };

const problem = (field: PasswordField, code: string): FieldProblem => ({ path: `/${field}`, code, message: '' });

/** What the browser can tell before sending: the same rules as the server, plus the repeat. */
export function checkPasswordDraft(draft: PasswordDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.currentPassword === '') problems.push(problem('currentPassword', 'required'));
  if (draft.newPassword === '') problems.push(problem('newPassword', 'required'));
  else if (draft.newPassword.length < MIN_PASSWORD_LENGTH) problems.push(problem('newPassword', 'password_too_short'));
  else if (draft.newPassword === draft.currentPassword) problems.push(problem('newPassword', 'password_unchanged'));
  if (draft.repeatPassword === '') problems.push(problem('repeatPassword', 'required'));
  else if (draft.repeatPassword !== draft.newPassword) problems.push(problem('repeatPassword', 'passwords_differ'));
  return problems;
}

/** The server's field errors, with "too small" said the way this form explains it. */
export function serverPasswordProblems(error: unknown): FieldProblem[] {
  if (!isApiProblem(error)) return [];
  return error.fieldErrors.map((item) =>
    // Its own words ("Use at least 12 characters"), not the general limit text.
    fieldOf(item) === 'newPassword' && item.code === 'too_small' ? { path: item.path, message: item.message, code: 'password_too_short' } : item,
  );
}

export function fieldOf(item: FieldProblem): string | undefined {
  return decodePointer(item.path)[0];
}

export function problemsAt(problems: readonly FieldProblem[], field: PasswordField): FieldProblem[] {
  return problems.filter((item) => fieldOf(item) === field);
}

/** True when at least one problem belongs to a field of the form, so it is shown there. */
export function anyOnFields(problems: readonly FieldProblem[]): boolean {
  return problems.some((item) => (PASSWORD_FIELDS as readonly (string | undefined)[]).includes(fieldOf(item)));
}
