import type { CareSituation } from '../registration/vocabulary';
import { isSeparatedOrUnaccompanied } from './bia';
import type { LocalizedReason } from './problems';
import type { BidRequirementCode } from './vocabulary';

/** The decision about to be taken for a child; each flag is one of domain.md §4 (a)–(c). */
export interface BidSituation {
  careSituation: CareSituation | null;
  /** (a) A durable solution (repatriation, integration, resettlement) is being chosen for the child. */
  choosingDurableSolution: boolean;
  /** (b) A temporary care decision is being taken in exceptional circumstances. */
  exceptionalTemporaryCare: boolean;
  /** (c) The decision may separate the child from their parents against their will. */
  mayBeSeparatedFromParentsAgainstTheirWill: boolean;
}

export interface BidRequirementReason {
  code: BidRequirementCode;
  reason: LocalizedReason;
}

export interface BidRequirement {
  required: boolean;
  /** Every rule that applies, in the guidelines' order; empty when no BID is required. */
  reasons: BidRequirementReason[];
}

export const BID_REQUIREMENT_REASONS: Record<BidRequirementCode, LocalizedReason> = {
  durable_solution_for_separated_child: {
    en: 'A durable solution is being chosen for a child who is unaccompanied or separated from their parents.',
    ar: 'يجري اختيار حلّ دائم لطفل غير مصحوب أو منفصل عن والديه.',
  },
  exceptional_temporary_care: {
    en: 'A temporary care decision is being taken for the child in exceptional circumstances.',
    ar: 'يجري اتخاذ قرار بشأن رعاية مؤقتة للطفل في ظروف استثنائية.',
  },
  separation_from_parents_against_will: {
    en: 'The decision may separate the child from their parents against their will.',
    ar: 'قد يؤدي القرار إلى فصل الطفل عن والديه رغماً عنهما.',
  },
};

/**
 * Is a formal Best Interests Determination required? These are the minimum cases the
 * guidelines name; a caseworker may still ask for a BID in others.
 */
export function bidRequirement(situation: BidSituation): BidRequirement {
  const codes: BidRequirementCode[] = [];
  if (situation.choosingDurableSolution && isSeparatedOrUnaccompanied(situation.careSituation)) {
    codes.push('durable_solution_for_separated_child');
  }
  if (situation.exceptionalTemporaryCare) codes.push('exceptional_temporary_care');
  if (situation.mayBeSeparatedFromParentsAgainstTheirWill) codes.push('separation_from_parents_against_will');
  return { required: codes.length > 0, reasons: codes.map((code) => ({ code, reason: BID_REQUIREMENT_REASONS[code] })) };
}
