const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One field of an entry's details, sorted into what the table can say in words. */
export type DetailValue =
  | { kind: 'user'; id: string; name: string }
  | { kind: 'id'; id: string }
  | { kind: 'yes_no'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'none' }
  | { kind: 'other'; json: string };

export interface DetailField {
  key: string;
  value: DetailValue;
}

/**
 * An audit entry's details (ids, codes and counts, db/audit.ts) as labelled fields: an id
 * naming a member of staff becomes their name (the server gave the names this reader may
 * see), other ids stay ids for searching, a comma-joined list becomes a list.
 */
export function detailFields(details: Record<string, unknown>, userNames: Record<string, string>): DetailField[] {
  // PostgreSQL's jsonb keeps keys shortest first ("to" before "from"): a change reads before, then after.
  const rank = (key: string) => { const at = FIRST.indexOf(key); return at === -1 ? FIRST.length : at; };
  return Object.entries(details)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, raw]) => ({ key, value: valueOf(raw, userNames) }));
}

const FIRST = ['event', 'from', 'to'];

function valueOf(raw: unknown, userNames: Record<string, string>): DetailValue {
  if (raw === null || raw === undefined || raw === '') return { kind: 'none' };
  if (typeof raw === 'boolean') return { kind: 'yes_no', value: raw };
  if (typeof raw === 'number') return { kind: 'number', value: raw };
  if (typeof raw === 'string') {
    if (UUID.test(raw)) {
      const name = userNames[raw];
      return name === undefined ? { kind: 'id', id: raw } : { kind: 'user', id: raw, name };
    }
    // Several codes or ids in one field are written comma-joined (db/audit.ts keeps details flat).
    if (raw.includes(',') && !raw.includes(' ')) return { kind: 'list', values: raw.split(',').filter((part) => part !== '') };
    return { kind: 'text', value: raw };
  }
  return { kind: 'other', json: JSON.stringify(raw) };
}

/** A camelCase key as words, for an English reader, when no label was written for it yet. */
export function keyAsWords(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
