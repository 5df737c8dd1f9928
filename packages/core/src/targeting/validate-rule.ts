import { err, ok, type Result } from '../result';
import { TARGET_FIELDS } from './fields';
import type { TargetRule as Rule } from './rule';

export interface RuleProblem {
  code: 'unknown_field' | 'incompatible_operator' | 'incompatible_value' | 'unknown_value' | 'empty' | 'too_deep' | 'malformed';
  path: (string | number)[];
  message: string;
}

const MAX_DEPTH = 4;

/** Every problem at once, each at its JSON path, so a form can mark the right condition. */
export function validateRule(rule: unknown): Result<Rule, RuleProblem[]> {
  const problems: RuleProblem[] = [];
  visit(rule, [], 0, problems);
  return problems.length > 0 ? err(problems) : ok(rule as Rule);
}

function visit(node: unknown, path: (string | number)[], depth: number, problems: RuleProblem[]): void {
  if (depth > MAX_DEPTH) {
    problems.push({ code: 'too_deep', path, message: `at most ${MAX_DEPTH} levels of all/any` });
    return;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push({ code: 'malformed', path, message: 'a condition, or { all: [...] } / { any: [...] }' });
    return;
  }
  const record = node as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) {
    if (group in record) {
      const parts = record[group];
      if (!Array.isArray(parts) || parts.length === 0) problems.push({ code: 'empty', path: [...path, group], message: 'at least one condition' });
      else parts.forEach((part, i) => visit(part, [...path, group, i], depth + 1, problems));
      return;
    }
  }
  checkCondition(record, path, problems);
}

function checkCondition(condition: Record<string, unknown>, path: (string | number)[], problems: RuleProblem[]): void {
  const field = typeof condition.field === 'string' ? TARGET_FIELDS[condition.field] : undefined;
  if (!field) {
    problems.push({ code: 'unknown_field', path: [...path, 'field'], message: `no field ${String(condition.field)} in a risk profile` });
    return;
  }
  const type = field.type;
  switch (condition.op) {
    case 'in': {
      if (type.kind === 'number') return void problems.push({ code: 'incompatible_operator', path: [...path, 'op'], message: 'compare a number with gte or lte' });
      const values = condition.values;
      if (!Array.isArray(values) || values.length === 0) return void problems.push({ code: 'empty', path: [...path, 'values'], message: 'at least one value' });
      values.forEach((value, i) => {
        if (typeof value !== 'string') problems.push({ code: 'incompatible_value', path: [...path, 'values', i], message: 'a text value' });
        else if ((type.kind === 'choice' || type.kind === 'ordered') && !type.values.includes(value)) {
          problems.push({ code: 'unknown_value', path: [...path, 'values', i], message: `one of ${type.values.join(', ')}` });
        }
      });
      return;
    }
    case 'gte':
    case 'lte': {
      if (type.kind === 'number') {
        const value = condition.value;
        if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ code: 'incompatible_value', path: [...path, 'value'], message: 'a number' });
        else if (value < type.min || value > type.max) problems.push({ code: 'incompatible_value', path: [...path, 'value'], message: `from ${type.min} to ${type.max}` });
        return;
      }
      if (type.kind !== 'ordered') return void problems.push({ code: 'incompatible_operator', path: [...path, 'op'], message: 'this field has no order: use in' });
      if (typeof condition.value !== 'string' || !type.values.includes(condition.value)) {
        problems.push({ code: 'unknown_value', path: [...path, 'value'], message: `one of ${type.values.join(', ')}` });
      }
      return;
    }
    case 'within': {
      if (type.kind !== 'code') return void problems.push({ code: 'incompatible_operator', path: [...path, 'op'], message: 'within applies to admin areas' });
      if (typeof condition.value !== 'string' || condition.value.trim() === '') problems.push({ code: 'incompatible_value', path: [...path, 'value'], message: 'an admin area code' });
      return;
    }
    default:
      problems.push({ code: 'incompatible_operator', path: [...path, 'op'], message: 'in, gte, lte or within' });
  }
}
