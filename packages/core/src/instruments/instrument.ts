import type { Condition, SubjectFact } from './condition';

/** Text in several languages, keyed by locale code. Always has 'en'. */
export type LocalizedText = Record<string, string>;

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

export const SENSITIVITIES = ['personal', 'sensitive', 'highly_sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const ITEM_TYPES = ['yes_no', 'single_choice', 'multiple_choice', 'number', 'date'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Always allowed, never listed among an item's choices, never lowers a score. */
export const PREFER_NOT_TO_ANSWER = 'prefer_not_to_answer';

/** A domain reaches at most `high` from its signals; only an override gives `critical`. */
export const DOMAIN_LEVELS = ['low', 'medium', 'high'] as const;
export type DomainLevel = (typeof DOMAIN_LEVELS)[number];

/** Follows the best-interests urgency scale (2 days / 1 week / 30 days), plus "now". */
export const URGENCIES = ['immediate', 'within_2_days', 'within_1_week', 'within_30_days'] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * How an answer carries risk. `weight` is always explicit (0 = no risk); when it is
 * above 0, `strength`, `indicator` and `why` say what it means.
 */
export interface RiskMarking {
  weight: number;
  strength?: Strength;
  indicator?: string;
  why?: LocalizedText;
}

export interface Choice extends RiskMarking {
  value: string;
  label: LocalizedText;
}

/** Inclusive bounds; an omitted bound is open. */
export interface NumberBand extends RiskMarking {
  min?: number;
  max?: number;
}

/** Inclusive ISO `YYYY-MM-DD` bounds; an omitted bound is open. */
export interface DateBand extends RiskMarking {
  from?: string;
  to?: string;
}

interface ItemBase {
  id: string;
  domain: string;
  label: LocalizedText;
  help?: LocalizedText;
  /** May only mention items that come earlier, so answering order is never circular. */
  showIf?: Condition;
  sensitivity: Sensitivity;
  allowPreferNotToAnswer: true;
  /** Sensitive and highly sensitive items always follow up; this asks it of a personal one. */
  onPreferNotToAnswer?: 'follow_up';
}

export interface YesNoItem extends ItemBase {
  type: 'yes_no';
  /** Exactly the values 'yes' and 'no', each with its weight. */
  choices: Choice[];
}

export interface SingleChoiceItem extends ItemBase {
  type: 'single_choice';
  choices: Choice[];
}

export interface MultipleChoiceItem extends ItemBase {
  type: 'multiple_choice';
  choices: Choice[];
}

export interface NumberItem extends ItemBase {
  type: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  bands: NumberBand[];
}

export interface DateItem extends ItemBase {
  type: 'date';
  min?: string;
  max?: string;
  bands: DateBand[];
}

export type ChoiceItem = YesNoItem | SingleChoiceItem | MultipleChoiceItem;
export type Item = ChoiceItem | NumberItem | DateItem;

/** All present conditions must hold. `minMedium` counts medium-or-stronger signals. */
export interface LevelRule {
  minStrong?: number;
  minMedium?: number;
  minWeak?: number;
  minScore?: number;
}

/** A domain is at a level when any one of that level's rules holds. */
export interface LevelRules {
  high: LevelRule[];
  medium: LevelRule[];
}

export interface DomainAction {
  id: string;
  label: LocalizedText;
  /** Suggested from this domain level up; `medium` when omitted. */
  minLevel?: 'medium' | 'high';
}

export interface Domain {
  id: string;
  label: LocalizedText;
  description: LocalizedText;
  actions: DomainAction[];
  levelRules: LevelRules;
}

export interface Indicator {
  id: string;
  domain: string;
  label: LocalizedText;
}

/** An indicator read from the registration record rather than asked. */
export interface DerivedIndicator {
  indicator: string;
  /** The fact shown to the caseworker as the source of the signal. */
  fact: SubjectFact;
  /** Facts only: a registration rule may not depend on an answer. */
  when: Condition;
  strength: Strength;
  weight: number;
  why: LocalizedText;
}

export interface OverrideAction {
  id: string;
  label: LocalizedText;
  urgency: Urgency;
}

export interface Override {
  id: string;
  when: Condition;
  level: 'critical';
  why: LocalizedText;
  actions: OverrideAction[];
}

export interface Compounding {
  minDomainsAtMediumOrAbove: number;
  raiseBy: number;
  /** Compounding never reaches `critical`: that is kept for overrides. */
  maxLevel: DomainLevel;
}

export interface Instrument {
  id: string;
  version: number;
  title: LocalizedText;
  description: LocalizedText;
  locales: string[];
  /** Changes whenever weights, thresholds or overrides change; stored with each score. */
  ruleVersion: string;
  domains: Domain[];
  indicators: Indicator[];
  items: Item[];
  derivedIndicators: DerivedIndicator[];
  overrides: Override[];
  compounding: Compounding;
  /** Urgency of a domain's actions at each domain level. */
  actionUrgency: { medium: Urgency; high: Urgency };
}

export function isChoiceItem(item: Item): item is ChoiceItem {
  return item.type === 'yes_no' || item.type === 'single_choice' || item.type === 'multiple_choice';
}
