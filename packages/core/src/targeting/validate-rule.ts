import { err, ok, type Result } from '../result';
import { isAreaCode, lineTextProblem } from '../text/characters';
import { TARGET_FIELDS, type FieldType } from './fields';
import type { TargetCondition, TargetRule as Rule } from './rule';

export interface RuleProblem {
  code:
    | 'unknown_field'
    | 'incompatible_operator'
    | 'incompatible_value'
    | 'unknown_value'
    | 'empty'
    | 'too_deep'
    | 'too_big'
    | 'malformed'
    | 'control_character'
    | 'bidi_control'
    | 'invalid_area_code';
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

const MAX_DEPTH = 4;
/**
 * Parts of one all/any and values of one `in`: far more than a person builds, few enough that
 * the SQL a rule becomes stays well under PostgreSQL's 65,535 parameters.
 */
const MAX_PARTS = 50;
const MAX_VALUES = 200;

/** The keys each shape of condition may have: anything else is refused, never stored. */
const CONDITION_KEYS: Readonly<Record<TargetCondition['op'], readonly string[]>> = {
  in: ['field', 'op', 'values'],
  gte: ['field', 'op', 'value'],
  lte: ['field', 'op', 'value'],
  within: ['field', 'op', 'value'],
};

/**
 * Every problem at once, each at its JSON path, so a form can mark the right condition. The
 * rule given back is rebuilt from what was checked (keys it names, values trimmed and NFC):
 * what is stored is exactly what was judged, never the request's own object.
 */
export function validateRule(rule: unknown): Result<Rule, RuleProblem[]> {
  const problems: RuleProblem[] = [];
  const built = visit(rule, [], 0, problems);
  return problems.length > 0 || built === null ? err(problems) : ok(built);
}

function refuse(problems: RuleProblem[], code: RuleProblem['code'], path: Path, message: string): null {
  problems.push({ code, path, message });
  return null;
}

function visit(node: unknown, path: Path, depth: number, problems: RuleProblem[]): Rule | null {
  if (depth > MAX_DEPTH) {
    problems.push({ code: 'too_deep', path, message: `at most ${MAX_DEPTH} levels of all/any` });
    return null;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push({ code: 'malformed', path, message: 'a condition, or { all: [...] } / { any: [...] }' });
    return null;
  }
  const record = node as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) {
    if (!Object.hasOwn(record, group)) continue;
    unknownKeys(record, [group], path, problems);
    const parts = record[group];
    if (!Array.isArray(parts) || parts.length === 0) {
      problems.push({ code: 'empty', path: [...path, group], message: 'at least one condition' });
      return null;
    }
    if (parts.length > MAX_PARTS) {
      problems.push({ code: 'too_big', path: [...path, group], message: `at most ${MAX_PARTS} conditions` });
      return null;
    }
    const built = parts.map((part, i) => visit(part, [...path, group, i], depth + 1, problems));
    return built.every((part) => part !== null) ? ({ [group]: built } as Rule) : null;
  }
  return checkCondition(record, path, problems);
}

/** Keys other than the shape's own; reported at the object, so a hostile key is never echoed. */
function unknownKeys(record: Record<string, unknown>, allowed: readonly string[], path: Path, problems: RuleProblem[]): void {
  const extra = Object.keys(record).filter((key) => !allowed.includes(key));
  if (extra.length > 0) problems.push({ code: 'unknown_field', path, message: `only ${allowed.join(', ')}` });
}

/**
 * A value of a choice or ordered field must be one of its words; an admin area code follows
 * the text rules every code in Waymark does (core/text): no control or bidirectional
 * characters, the area-code pattern. PostgreSQL cannot even hold a NUL in jsonb.
 */
function checkText(value: unknown, type: FieldType, path: Path, problems: RuleProblem[]): string | null {
  if (typeof value !== 'string') {
    problems.push({ code: 'incompatible_value', path, message: 'a text value' });
    return null;
  }
  const text = value.trim().normalize('NFC');
  if (type.kind === 'code') {
    if (text === '') return refuse(problems, 'incompatible_value', path, 'an admin area code');
    // Judged before trimming: trim() takes tabs and line breaks too, and a code sent with one is refused, not cleaned.
    const problem = lineTextProblem(value);
    if (problem) return refuse(problems, problem, path, 'letters and digits, then letters, digits, ".", "_" or "-"');
    if (!isAreaCode(text)) return refuse(problems, 'invalid_area_code', path, 'letters and digits, then letters, digits, ".", "_" or "-"');
    return text;
  }
  if ((type.kind === 'choice' || type.kind === 'ordered') && !type.values.includes(text)) {
    problems.push({ code: 'unknown_value', path, message: `one of ${type.values.join(', ')}` });
    return null;
  }
  return text;
}

function checkCondition(condition: Record<string, unknown>, path: Path, problems: RuleProblem[]): TargetCondition | null {
  const name = condition.field;
  const field = typeof name === 'string' && Object.hasOwn(TARGET_FIELDS, name) ? TARGET_FIELDS[name] : undefined;
  if (!field || typeof name !== 'string') {
    problems.push({ code: 'unknown_field', path: [...path, 'field'], message: 'not a field of a risk profile' });
    return null;
  }
  const op = condition.op;
  if (op !== 'in' && op !== 'gte' && op !== 'lte' && op !== 'within') {
    problems.push({ code: 'incompatible_operator', path: [...path, 'op'], message: 'in, gte, lte or within' });
    return null;
  }
  unknownKeys(condition, CONDITION_KEYS[op], path, problems);
  const type = field.type;
  switch (op) {
    case 'in': {
      if (type.kind === 'number') return refuse(problems, 'incompatible_operator', [...path, 'op'], 'compare a number with gte or lte');
      const values = condition.values;
      if (!Array.isArray(values) || values.length === 0) return refuse(problems, 'empty', [...path, 'values'], 'at least one value');
      if (values.length > MAX_VALUES) return refuse(problems, 'too_big', [...path, 'values'], `at most ${MAX_VALUES} values`);
      const checked = values.map((value, i) => checkText(value, type, [...path, 'values', i], problems));
      return checked.every((value) => value !== null) ? { field: name, op, values: checked } : null;
    }
    case 'gte':
    case 'lte': {
      if (type.kind === 'number') {
        const value = condition.value;
        if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(problems, 'incompatible_value', [...path, 'value'], 'a number');
        if (value < type.min || value > type.max) return refuse(problems, 'incompatible_value', [...path, 'value'], `from ${type.min} to ${type.max}`);
        return { field: name, op, value };
      }
      if (type.kind !== 'ordered') return refuse(problems, 'incompatible_operator', [...path, 'op'], 'this field has no order: use in');
      if (typeof condition.value !== 'string') return refuse(problems, 'unknown_value', [...path, 'value'], `one of ${type.values.join(', ')}`);
      const value = checkText(condition.value, type, [...path, 'value'], problems);
      return value === null ? null : { field: name, op, value };
    }
    case 'within': {
      if (type.kind !== 'code') return refuse(problems, 'incompatible_operator', [...path, 'op'], 'within applies to admin areas');
      const value = checkText(condition.value, type, [...path, 'value'], problems);
      return value === null ? null : { field: name, op, value };
    }
  }
}
