import { TARGET_FIELDS, type TargetRule } from '@waymark/core';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../i18n/languages';
import { valuePrefix } from './rule-draft';

/** A stored rule in words, in the reader's language ("Sex: Female · Age bracket: 18–59 …"). */
export function describeRule(rule: unknown, t: TFunction, language: UiLanguage): string {
  const node = rule as TargetRule;
  if (typeof node !== 'object' || node === null) return '';
  if ('all' in node) return node.all.map((part) => describeRule(part, t, language)).join(` ${t('programmes.rule.and')} `);
  if ('any' in node) return `(${node.any.map((part) => describeRule(part, t, language)).join(` ${t('programmes.rule.or')} `)})`;
  const label = TARGET_FIELDS[node.field]?.label[language] ?? node.field;
  const word = (value: string | number) => (typeof value === 'number' || node.field === 'adminAreaCode' ? String(value) : t(`${valuePrefix(node.field)}.${value}`));
  if (node.op === 'in') return `${label}: ${node.values.map(word).join(' / ')}`;
  return `${label} ${t(`programmes.rule.op.${node.op}`)} ${word(node.value)}`;
}
