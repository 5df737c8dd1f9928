import type { FactValue, SubjectFact } from '@waymark/core';

type Translate = (key: string) => string;

/** Facts whose values are vocabulary codes, with the catalogue prefix that names them. */
const VOCABULARY: Partial<Record<SubjectFact, string>> = {
  sex: 'sex',
  setting: 'setting',
  legalStatus: 'legalStatus',
  careSituation: 'careSituation',
  documents: 'document',
};

/** A registration fact as a caseworker reads it: "Unaccompanied", not "unaccompanied". */
export function factValueText(fact: SubjectFact, value: FactValue, t: Translate): string {
  if (value === null) return t('form.notRecorded');
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return String(value);
  const prefix = VOCABULARY[fact];
  const one = (code: string) => (prefix ? t(`${prefix}.${code}`) : code);
  if (Array.isArray(value)) return value.length === 0 ? t('value.none') : value.map(one).join(t('list.separator'));
  return one(value);
}
