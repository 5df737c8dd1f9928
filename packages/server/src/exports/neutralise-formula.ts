/**
 * OWASP's CSV injection guidance: a text cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by spreadsheet programs (`=HYPERLINK(...)` sends
 * whoever clicks to another site; `+cmd|' /C calc'!A0` ran programs through DDE). Such a
 * cell is written with a leading apostrophe, which makes the spreadsheet show it as text.
 * Numbers stay numbers (a count is never text), so a negative count would not be touched;
 * there are none.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

export const neutraliseCell = <T>(cell: T): T | string => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
