import { DOMAIN_LEVELS } from '../instruments/instrument';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1/index';
import { AGE_BRACKETS, CARE_SITUATIONS, LEGAL_STATUSES, RISK_LEVELS, SETTINGS, SEXES } from '../registration/vocabulary';

/**
 * What a targeting rule may look at: the risk profile of a person, never free text or
 * names. Each field has a type; ordered ones (levels, age) can be compared with ≥ / ≤.
 */
export type FieldType =
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'ordered'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'code' };

export interface TargetField {
  type: FieldType;
  label: { en: string; ar: string };
}

const domainFields = Object.fromEntries(
  heightenedRiskV1.domains.map((domain) => [
    `domain.${domain.id}`,
    { type: { kind: 'ordered', values: DOMAIN_LEVELS }, label: { en: `Risk in: ${domain.label.en}`, ar: `الخطر في: ${domain.label.ar}` } } satisfies TargetField,
  ]),
);

export const TARGET_FIELDS: Readonly<Record<string, TargetField>> = {
  sex: { type: { kind: 'choice', values: SEXES }, label: { en: 'Sex', ar: 'الجنس' } },
  age: { type: { kind: 'number', min: 0, max: 130 }, label: { en: 'Age', ar: 'العمر' } },
  ageBracket: { type: { kind: 'choice', values: AGE_BRACKETS }, label: { en: 'Age bracket', ar: 'الفئة العمرية' } },
  setting: { type: { kind: 'choice', values: SETTINGS }, label: { en: 'Setting', ar: 'مكان الإقامة' } },
  legalStatus: { type: { kind: 'choice', values: LEGAL_STATUSES }, label: { en: 'Legal status', ar: 'الوضع القانوني' } },
  careSituation: { type: { kind: 'choice', values: CARE_SITUATIONS }, label: { en: 'Care situation', ar: 'وضع الرعاية' } },
  riskLevel: { type: { kind: 'ordered', values: RISK_LEVELS }, label: { en: 'Overall risk level', ar: 'مستوى الخطر العام' } },
  adminAreaCode: { type: { kind: 'code' }, label: { en: 'Admin area (code or its parent)', ar: 'المنطقة الإدارية (الرمز أو ما يعلوه)' } },
  ...domainFields,
};
