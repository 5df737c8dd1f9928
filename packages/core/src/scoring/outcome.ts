import type { SubjectFact } from '../instruments/condition';
import type {
  DomainLevel,
  LocalizedText,
  OverrideAction,
  Strength,
  Urgency,
} from '../instruments/instrument';
import type { RiskLevel } from '../registration/vocabulary';

// The outcome is stored as-is (JSON) next to the responses, so it carries the
// instrument version and rule version that produced it and explains itself.

interface SignalBase {
  indicator: string;
  strength: Strength;
  weight: number;
  why: LocalizedText;
}

export interface ResponseSignal extends SignalBase {
  source: 'response';
  itemId: string;
  /** The choice value (one signal per chosen risk choice), number or date. */
  answer: string | number;
}

export type FactValue = string | number | boolean | string[] | null;

export interface RegistrationSignal extends SignalBase {
  source: 'registration';
  fact: SubjectFact;
  answer: FactValue;
}

export type Signal = ResponseSignal | RegistrationSignal;

export interface DomainOutcome {
  domain: string;
  level: DomainLevel;
  /** Sum of the signals' weights. */
  score: number;
  signals: Signal[];
}

export interface TriggeredOverride {
  id: string;
  why: LocalizedText;
  actions: OverrideAction[];
}

export interface RecommendedAction {
  id: string;
  /** Exactly one of `domain` and `override` names where the suggestion came from. */
  domain: string | null;
  override: string | null;
  label: LocalizedText;
  urgency: Urgency;
}

export interface FollowUp {
  itemId: string;
  domain: string;
  reason: 'prefer_not_to_answer';
}

export interface CompoundingOutcome {
  applied: boolean;
  domainsAtMediumOrAbove: number;
  /** The highest domain level, before compounding and overrides. */
  levelBefore: DomainLevel;
  /** After compounding, before overrides. */
  levelAfter: DomainLevel;
}

/** Lines of plain-words explanation per locale. */
export type LocalizedLines = Record<string, string[]>;

export interface ScreeningOutcome {
  instrumentId: string;
  instrumentVersion: number;
  ruleVersion: string;
  riskLevel: RiskLevel;
  /** Every domain of the instrument, in its order, even those with no signal. */
  domains: DomainOutcome[];
  overrides: TriggeredOverride[];
  compounding: CompoundingOutcome;
  /** Most urgent first. */
  recommendedActions: RecommendedAction[];
  followUps: FollowUp[];
  explanation: LocalizedLines;
}
