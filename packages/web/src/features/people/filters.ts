import type { AgeBracket, LegalStatus, RiskLevel, Setting, Sex } from '@waymark/core';
import { RISK_LEVELS } from '@waymark/core';
import type { PersonFilters } from '../../api/persons';

/** The list's filter form, one value per control ('' = any). */
export interface FilterForm {
  risk: string;
  siteId: string;
  /** Set by the map's drill-down; shown as a removable chip, not a control. */
  adminAreaCode: string;
  /** Its name, for the chip. */
  adminAreaName: string;
  setting: Setting | '';
  sex: Sex | '';
  ageBracket: AgeBracket | '';
  legalStatus: LegalStatus | '';
  name: string;
  sort: PersonFilters['sort'];
}

export const EMPTY_FILTERS: FilterForm = {
  risk: '',
  siteId: '',
  adminAreaCode: '',
  adminAreaName: '',
  setting: '',
  sex: '',
  ageBracket: '',
  legalStatus: '',
  name: '',
  sort: 'newest',
};

/** Risk choices: one level, "high or critical" (the usual work list), or not yet screened. */
export const RISK_CHOICES = ['high,critical', ...RISK_LEVELS, 'unscreened'] as const;

const isRiskLevel = (value: string): value is RiskLevel => (RISK_LEVELS as readonly string[]).includes(value);
const one = <T extends string>(value: T | ''): T[] => (value === '' ? [] : [value]);

export function toQueryFilters(form: FilterForm): PersonFilters {
  return {
    riskLevel: form.risk.split(',').filter(isRiskLevel),
    unscreened: form.risk === 'unscreened',
    siteId: form.siteId,
    adminAreaCode: form.adminAreaCode,
    setting: one(form.setting),
    sex: one(form.sex),
    ageBracket: one(form.ageBracket),
    legalStatus: one(form.legalStatus),
    name: form.name,
    sort: form.sort,
  };
}
