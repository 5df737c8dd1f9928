import type { Condition } from '../../condition';
import type {
  Choice,
  DerivedIndicator,
  Domain,
  Indicator,
  Item,
  LevelRules,
  LocalizedText,
  Sensitivity,
  Strength,
} from '../../instrument';

// Small builders so the domain files read like the design table. They only
// assemble plain JSON; every number lives in this file or the domain files.

export const WEIGHT: Record<Strength, number> = { strong: 3, medium: 2, weak: 1 };

/** High with one strong signal or three medium ones (the ILO "3 medium" rule); medium with one medium or two weak. */
export const LEVEL_RULES: LevelRules = {
  high: [{ minStrong: 1 }, { minScore: 6 }],
  medium: [{ minMedium: 1 }, { minWeak: 2 }],
};

export interface DomainModule {
  domain: Domain;
  indicators: Indicator[];
  items: Item[];
  derivedIndicators: DerivedIndicator[];
}

export const YES: LocalizedText = { en: 'Yes', ar: 'نعم' };
export const NO: LocalizedText = { en: 'No', ar: 'لا' };

export function choice(value: string, label: LocalizedText): Choice {
  return { value, label, weight: 0 };
}

export function riskChoice(
  value: string,
  label: LocalizedText,
  strength: Strength,
  indicator: string,
  why: LocalizedText,
): Choice {
  return { value, label, weight: WEIGHT[strength], strength, indicator, why };
}

/** "Yes" is the risk answer. */
export function yesIsRisk(strength: Strength, indicator: string, why: LocalizedText): Choice[] {
  return [riskChoice('yes', YES, strength, indicator, why), choice('no', NO)];
}

/** "No" is the risk answer (e.g. "Do you know where to get help?"). */
export function noIsRisk(strength: Strength, indicator: string, why: LocalizedText): Choice[] {
  return [choice('yes', YES), riskChoice('no', NO, strength, indicator, why)];
}

interface Asked {
  id: string;
  label: LocalizedText;
  help?: LocalizedText;
  showIf?: Condition;
  sensitivity: Sensitivity;
}

export function yesNo(domain: string, asked: Asked, choices: Choice[]): Item {
  return { ...asked, domain, type: 'yes_no', choices, allowPreferNotToAnswer: true };
}

export function singleChoice(domain: string, asked: Asked, choices: Choice[]): Item {
  return { ...asked, domain, type: 'single_choice', choices, allowPreferNotToAnswer: true };
}

export function multipleChoice(domain: string, asked: Asked, choices: Choice[]): Item {
  return { ...asked, domain, type: 'multiple_choice', choices, allowPreferNotToAnswer: true };
}

export function fromRegistration(
  indicator: string,
  fact: DerivedIndicator['fact'],
  when: Condition,
  strength: Strength,
  why: LocalizedText,
): DerivedIndicator {
  return { indicator, fact, when, strength, weight: WEIGHT[strength], why };
}

export function indicators(domain: string, labels: Record<string, LocalizedText>): Indicator[] {
  return Object.entries(labels).map(([id, label]) => ({ id, domain, label }));
}

// Who a question is for. Unknown age passes the "not a young child" guard, because
// leaving out a question about an adult of unknown age would hide risk.
export const CHILD: Condition = { fact: 'ageYears', lt: 18 };
export const NOT_YOUNG_CHILD: Condition = { not: { fact: 'ageYears', lt: 12 } };
export const NOT_CHILD: Condition = { not: CHILD };
export const FEMALE: Condition = { fact: 'sex', equals: 'female' };
export const HAS_DEPENDANTS: Condition = { fact: 'dependantsInHousehold', gte: 1 };
