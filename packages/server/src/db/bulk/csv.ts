/**
 * CSV for PostgreSQL's COPY … (FORMAT csv): an unquoted empty field is NULL, a quoted
 * empty field is ''. Arrays become PostgreSQL array literals inside one field.
 */
export type CopyValue = string | number | boolean | null | readonly string[] | Date;

export function csvField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  return quote(value as string);
}

export function csvLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i]!);
  }
  return line + '\n';
}

function quote(text: string): string {
  return '"' + text.replaceAll('"', '""') + '"';
}

function arrayLiteral(values: readonly string[]): string {
  return '{' + values.map((v) => '"' + v.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"').join(',') + '}';
}
