/**
 * Rows for PostgreSQL's COPY … FROM STDIN in its text format: tab-separated, `\N` for
 * NULL, backslash escapes. Chosen over CSV because JSON columns are full of quotes that
 * CSV must double, while they rarely contain anything text format must escape.
 */
export type CopyValue = string | number | boolean | null | readonly string[] | Date;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(value as string);
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(values[i]!);
  }
  return line + '\n';
}

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(values: readonly string[]): string {
  return '{' + values.map((v) => '"' + v.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"').join(',') + '}';
}
