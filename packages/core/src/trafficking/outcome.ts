import type { ConsentPurpose } from '../consent/vocabulary';
import type { Urgency } from '../instruments/instrument';
import type { AgeAtActs } from './age-at-acts';
import type {
  ActCode,
  ControlMethodCode,
  ExploitationTypeCode,
  IloIndicatorCode,
  MeansCode,
  PurposeCode,
  TraffickingTerm,
  TraffickingStageCode,
} from './vocabulary/index';

/** Lowest first: "adding evidence never lowers the outcome" compares by this order. */
export type TraffickingOutcome = 'not_indicated' | 'at_risk' | 'presumed_victim';

export const TRAFFICKING_OUTCOMES: readonly TraffickingTerm<TraffickingOutcome>[] = [
  { code: 'not_indicated', label: { en: 'Trafficking not indicated', ar: 'لا مؤشرات على الاتجار' } },
  { code: 'at_risk', label: { en: 'At risk of trafficking', ar: 'معرّض لخطر الاتجار' } },
  { code: 'presumed_victim', label: { en: 'Presumed victim of trafficking', ar: 'ضحية مفترضة للاتجار بالبشر' } },
];

export function outcomeRank(outcome: TraffickingOutcome): number {
  return TRAFFICKING_OUTCOMES.findIndex((t) => t.code === outcome);
}

export type ElementName = 'act' | 'means' | 'purpose';

/** How an element came to be found: recorded as such, or shown by another recorded fact. */
export type ElementVia = 'recorded' | 'control_method' | 'ilo_indicator' | 'exploitation_type';

export interface ElementSource<C extends string> {
  code: C;
  via: ElementVia;
  /** The control method, indicator or exploitation type that shows it; null when recorded. */
  from: string | null;
}

export interface ElementFinding<C extends string> {
  required: boolean;
  present: boolean;
  found: ElementSource<C>[];
}

export interface IndicatorFinding {
  code: IloIndicatorCode;
  evidenceNoteIds: string[];
}

export interface TraffickingText {
  en: string;
  ar: string;
}

export type TraffickingReasonKey = 'outcome' | 'age_rule' | 'act' | 'means' | 'purpose' | 'ilo_indicators' | 'control_methods' | 'stage';

export interface TraffickingReason {
  key: TraffickingReasonKey;
  text: TraffickingText;
}

/** Work a presumed victim needs; the case module turns these into tasks. */
export interface TraffickingRequiredAction {
  kind: 'immediate_protection' | 'referral_offer';
  urgency: Urgency;
  label: TraffickingText;
  /** The consent needed before acting (a referral shares the person's information). */
  consentPurpose: ConsentPurpose | null;
  partnerType: 'anti_trafficking' | null;
}

export interface TraffickingAssessment {
  outcome: TraffickingOutcome;
  age: AgeAtActs;
  elements: {
    act: ElementFinding<ActCode>;
    means: ElementFinding<MeansCode>;
    purpose: ElementFinding<PurposeCode>;
  };
  iloIndicators: { threshold: number; observed: IndicatorFinding[] };
  stageReached: TraffickingStageCode | null;
  exploitationTypes: ExploitationTypeCode[];
  controlMethods: ControlMethodCode[];
  reasons: TraffickingReason[];
  requiredActions: TraffickingRequiredAction[];
}
