import { TARGET_FIELDS, type TargetField } from '@waymark/core';

/** One condition as the form holds it, before it becomes a rule. */
export interface ConditionDraft {
  field: string;
  op: 'in' | 'gte' | 'lte' | 'within';
  values: string[];
  value: string;
}

export interface RuleDraft {
  combinator: 'all' | 'any';
  conditions: ConditionDraft[];
}

export const OPERATORS = ['in', 'gte', 'lte', 'within'] as const;

export const FIELD_KEYS = Object.keys(TARGET_FIELDS);

export const fieldOf = (key: string): TargetField | undefined => TARGET_FIELDS[key];

/** The operator a field is usually compared with, so a new condition starts valid. */
export function defaultOp(key: string): ConditionDraft['op'] {
  const kind = fieldOf(key)?.type.kind;
  if (kind === 'number' || kind === 'ordered') return 'gte';
  if (kind === 'code') return 'within';
  return 'in';
}

export const newCondition = (field = 'sex'): ConditionDraft => ({ field, op: defaultOp(field), values: [], value: '' });

/** The rule exactly as the server will judge it: no cleaning, so problems show as they are. */
export function ruleOf(draft: RuleDraft): unknown {
  return {
    [draft.combinator]: draft.conditions.map((condition) => {
      if (condition.op === 'in') return { field: condition.field, op: 'in', values: condition.values };
      const numeric = fieldOf(condition.field)?.type.kind === 'number';
      const value = numeric && condition.value.trim() !== '' && !Number.isNaN(Number(condition.value)) ? Number(condition.value) : condition.value;
      return { field: condition.field, op: condition.op, value };
    }),
  };
}

/** Translation prefix of a field's values (levels share the risk words). */
export function valuePrefix(field: string): string {
  if (field === 'riskLevel' || field.startsWith('domain.')) return 'risk';
  return field;
}
