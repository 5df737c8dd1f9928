/** A translation catalogue as the locale files hold it: nested objects of strings. */
export type Catalogue = { [key: string]: string | Catalogue };

/** Every text of a catalogue by its dotted key (`cases.timelineDueMany_one`). */
export function flattenCatalogue(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [inner, text] of flattenCatalogue(value, path)) keys.set(inner, text);
  }
  return keys;
}
