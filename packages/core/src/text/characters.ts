/**
 * What text Waymark accepts, decided once: the contracts' string helpers and the boundary
 * reader both ask these, so a name typed in a form and a name in a GeoJSON file follow
 * the same rule.
 */

/**
 * C0 controls, DEL, C1 controls and the Unicode line and paragraph separators. Nobody types
 * them into a name or a code; PostgreSQL cannot store NUL at all (22021), and a carriage
 * return or tab at the start of a cell is read as a formula by spreadsheets.
 */
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The same, less the tab, line feed and carriage return that a note or a reason may hold. */
const FREE_TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Bidirectional formatting characters (Unicode UAX #9): the embeddings and overrides
 * U+202A–U+202E and isolates U+2066–U+2069, which reorder what follows them (an override
 * before "live" shows "evil"), and the marks ALM, LRM and RLM (U+061C, U+200E, U+200F),
 * which a name or a code never needs. Refused in names and codes.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Only the reordering ones. Free text in Arabic may carry an RLM or LRM to place a
 * full stop or a number correctly; those cannot reorder letters, so notes keep them.
 */
const BIDI_REORDERING = /[\u202a-\u202e\u2066-\u2069]/;

export const hasLineControl = (value: string): boolean => LINE_CONTROL.test(value);
export const hasFreeTextControl = (value: string): boolean => FREE_TEXT_CONTROL.test(value);
export const hasBidiControl = (value: string): boolean => BIDI_CONTROL.test(value);
export const hasBidiReordering = (value: string): boolean => BIDI_REORDERING.test(value);

/**
 * An admin area code (a P-code, a geoBoundaries shapeID such as `LBN-ADM2-6925839B82260828`):
 * ASCII letters and digits first, then letters, digits, `.`, `_` and `-`. Starting with a
 * letter or digit means no code can open with `=`, `+`, `-` or `@` and be read as a formula.
 */
export const AREA_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const AREA_CODE_MAX = 120;
export const isAreaCode = (value: string): boolean => value.length <= AREA_CODE_MAX && AREA_CODE_PATTERN.test(value);

/** Why a name, line or code is refused: the field-problem code the API sends. */
export type TextProblem = 'control_character' | 'bidi_control';

/** A name, a code or another one-line value: no control characters, no bidirectional formatting. */
export function lineTextProblem(value: string): TextProblem | null {
  if (hasLineControl(value)) return 'control_character';
  if (hasBidiControl(value)) return 'bidi_control';
  return null;
}

/** A note, a reason, a description: lines allowed; other controls and reordering bidi controls refused. */
export function freeTextProblem(value: string): TextProblem | null {
  if (hasFreeTextControl(value)) return 'control_character';
  if (hasBidiReordering(value)) return 'bidi_control';
  return null;
}
