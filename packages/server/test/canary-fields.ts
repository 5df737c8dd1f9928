/**
 * The canary sweep's generator (issue 20 §2): walks a request body's JSON Schema, as the
 * OpenAPI document publishes it from the zod contracts, and puts a unique canary in every
 * free-text string it accepts. Free text: a string with no enum, const, format or pattern
 * (ids, dates and codes have one of those). A field added to a contract later is in the
 * document, so it is planted and searched for without anyone editing the sweep.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export const CANARY_PREFIX = 'Zq9Canary';

/** zod writes a schema used twice once, under `$defs`, and points at it with `$ref`. */
function resolver(root: JsonSchema): (node: JsonSchema) => JsonSchema {
  return (node) => {
    let current = node;
    for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
      const name = current.$ref.replace('#/$defs/', '');
      current = root.$defs?.[name] ?? {};
    }
    return current;
  };
}

const branches = (schema: JsonSchema): JsonSchema[] => [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
const types = (schema: JsonSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

export function isFreeText(schema: JsonSchema): boolean {
  return types(schema).includes('string') && schema.enum === undefined && schema.const === undefined && schema.format === undefined && schema.pattern === undefined;
}

/** Every free-text leaf a schema accepts, in every branch, as a pointer pattern (`*` for an index, `~` for any key). */
export function freeTextLeaves(schema: JsonSchema, at = ''): string[] {
  const found = new Set<string>();
  const resolve = resolver(schema);
  const walk = (unresolved: JsonSchema, pointer: string, depth: number) => {
    const node = resolve(unresolved);
    if (depth > 12) return;
    if (isFreeText(node)) found.add(pointer);
    for (const branch of branches(node)) walk(branch, pointer, depth + 1);
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${pointer}/${key}`, depth + 1);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${pointer}/~`, depth + 1);
    if (node.items) walk(node.items, `${pointer}/*`, depth + 1);
  };
  walk(schema, at, 0);
  return [...found];
}

/** A concrete pointer as a pattern: array indexes become `*`, keys no schema names become `~`. */
export function patternOf(pointer: string, unnamedKeys: ReadonlySet<string>): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*').replace(/\/([^/]+)/g, (segment, key: string) => (unnamedKeys.has(key) ? '/~' : segment));
}

export interface Planting {
  body: unknown;
  /** Canary value -> the concrete pointer it was planted at. */
  canaries: Map<string, string>;
  unnamedKeys: Set<string>;
}

/**
 * The base body with a fresh canary in every free-text field: those the base has, and
 * those it leaves out (optional ones). `skip` holds pointers the server refused a canary
 * at (a code checked by core, say): they keep the base's value.
 */
export function plantCanaries(schema: JsonSchema, base: unknown, next: () => string, skip: ReadonlySet<string>): Planting {
  const canaries = new Map<string, string>();
  const unnamedKeys = new Set<string>();
  const plantHere = (pointer: string): string => {
    const canary = next();
    canaries.set(canary, pointer);
    return canary;
  };
  const resolve = resolver(schema);
  const carriesFreeText = (unresolved: JsonSchema): boolean => {
    const node = resolve(unresolved);
    if (isFreeText(node)) return true;
    if (branches(node).some((branch) => isFreeText(resolve(branch)))) return true;
    if (types(node).includes('array') && node.items !== undefined) return carriesFreeText(node.items);
    return Object.values(node.properties ?? {}).some(carriesFreeText);
  };
  const walk = (unresolved: JsonSchema, value: unknown, pointer: string, depth: number): unknown => {
    const node = resolve(unresolved);
    if (depth > 12 || skip.has(pointer)) return value;
    const options = branches(node).map(resolve);
    if (options.length > 0) {
      const free = options.find(isFreeText);
      if (free && (value === undefined || value === null || typeof value === 'string')) return walk(free, value, pointer, depth + 1);
      const fitsDeep = (branch: JsonSchema): boolean => fits(branch, value) || branches(branch).map(resolve).some(fitsDeep);
      const fitting = options.find(fitsDeep);
      return fitting ? walk(fitting, value, pointer, depth + 1) : value;
    }
    if (isFreeText(node) && (value === undefined || value === null || typeof value === 'string')) return plantHere(pointer);
    if (types(node).includes('array') && node.items) {
      if (Array.isArray(value) && value.length > 0) return value.map((item, index) => walk(node.items!, item, `${pointer}/${index}`, depth + 1));
      if ((value === undefined || Array.isArray(value)) && carriesFreeText(node.items)) {
        const made = walk(node.items, undefined, `${pointer}/0`, depth + 1);
        return made === undefined ? value : [made];
      }
      return value;
    }
    if (types(node).includes('object') || node.properties) {
      if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) return value;
      const record = { ...((value as Record<string, unknown> | undefined) ?? {}) };
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const planted = key in record || carriesFreeText(child) ? walk(child, record[key], `${pointer}/${key}`, depth + 1) : undefined;
        if (planted !== undefined) record[key] = planted;
      }
      if (typeof node.additionalProperties === 'object') {
        for (const key of Object.keys(record)) {
          if (node.properties && key in node.properties) continue;
          unnamedKeys.add(key);
          record[key] = walk(node.additionalProperties, record[key], `${pointer}/${key}`, depth + 1);
        }
      }
      return value === undefined && Object.keys(record).length === 0 ? undefined : record;
    }
    return value;
  };
  return { body: walk(schema, base, '', 0), canaries, unnamedKeys };
}

/** Whether a union branch describes this value: its type, and for objects each `const` it fixes. */
function fits(branch: JsonSchema, value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null) return types(branch).includes('null');
  if (Array.isArray(value)) return types(branch).includes('array');
  if (typeof value === 'object') {
    if (!types(branch).includes('object') && !branch.properties) return false;
    return Object.entries(branch.properties ?? {}).every(([key, child]) => child.const === undefined || (value as Record<string, unknown>)[key] === child.const);
  }
  if (typeof value === 'string') return types(branch).includes('string') && (branch.enum === undefined || branch.enum.includes(value)) && (branch.const === undefined || branch.const === value);
  return types(branch).includes(typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value) || types(branch).includes('number');
}
