import { err, ok, type Result } from '../result';
import type { CareSituation, RiskLevel } from '../registration/vocabulary';
import type { ScreeningOutcome } from '../scoring/outcome';
import { addDays, ageOn, isIsoDate } from './dates';
import type { ChildProblem } from './problems';
import type { BiaUrgency } from './vocabulary';

/** What the BIA rules need to know about a child (from registration). */
export interface ChildFacts {
  id: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  careSituation: CareSituation | null;
}

export interface BiaSettings {
  /**
   * Days given to a non-urgent BIA. The 2 days / 1 week / 30 days / non-urgent scale
   * gives no time for "non-urgent"; 90 days is our default, to be set per operation.
   */
  nonUrgentDays: number;
}

export const DEFAULT_BIA_SETTINGS: BiaSettings = { nonUrgentDays: 90 };

export function biaDueInDays(urgency: BiaUrgency, settings: BiaSettings = DEFAULT_BIA_SETTINGS): number {
  switch (urgency) {
    case '2_days':
      return 2;
    case '1_week':
      return 7;
    case '30_days':
      return 30;
    case 'non_urgent':
      return settings.nonUrgentDays;
  }
}

/**
 * Children without their parents' care. Registration records five care situations; a
 * child with a foster or kinship carer, or in a child-headed household, is also without
 * parents, so by UNHCR's definitions they are separated or unaccompanied children too.
 */
const WITHOUT_PARENTS: ReadonlySet<CareSituation> = new Set<CareSituation>([
  'separated',
  'unaccompanied',
  'child_headed_household',
  'foster_kinship_carer',
]);

export function isSeparatedOrUnaccompanied(careSituation: CareSituation | null): boolean {
  return careSituation !== null && WITHOUT_PARENTS.has(careSituation);
}

/** Identifying a separated or unaccompanied child makes a BIA required (any other child at risk may have one). */
export function biaRequired(child: Pick<ChildFacts, 'careSituation'>): boolean {
  return isSeparatedOrUnaccompanied(child.careSituation);
}

export interface OpenedBia {
  childId: string;
  identifiedAt: string;
  urgency: BiaUrgency;
  dueDate: string;
  /** True when the care situation makes the BIA mandatory rather than a caseworker's choice. */
  required: boolean;
}

/** Opens a BIA: due `urgency` calendar days after identification. Refuses an adult. */
export function openBestInterestsAssessment(
  child: ChildFacts,
  options: { identifiedAt: string; urgency: BiaUrgency; settings?: BiaSettings },
): Result<OpenedBia, ChildProblem[]> {
  if (!isIsoDate(options.identifiedAt)) {
    return err([{ path: ['identifiedAt'], code: 'invalid_date', message: 'identifiedAt is a YYYY-MM-DD calendar day' }]);
  }
  const age = ageOn(child, options.identifiedAt);
  // Unknown age is not refused: an age-disputed child keeps the child's protections.
  if (age !== null && age >= 18) {
    return err([{ path: ['child'], code: 'adult_not_child', message: 'the person was 18 or over when identified' }]);
  }
  return ok({
    childId: child.id,
    identifiedAt: options.identifiedAt,
    urgency: options.urgency,
    dueDate: addDays(options.identifiedAt, biaDueInDays(options.urgency, options.settings)),
    required: biaRequired(child),
  });
}

/** Screening indicators that mean a child may be taken or harmed within days. */
export const ACUTE_CHILD_INDICATORS: readonly string[] = [
  'child_approached_with_offers',
  'child_recruited_by_armed_group',
  'child_without_carer',
];

export type UrgencyBecause =
  | 'critical_screening'
  | 'unaccompanied_with_acute_indicator'
  | 'high_screening'
  | 'separated_with_acute_indicator'
  | 'unaccompanied'
  | 'child_headed_household'
  | 'separated_or_in_alternative_care'
  | 'medium_screening'
  | 'no_risk_found';

export interface UrgencySuggestion {
  urgency: BiaUrgency;
  because: UrgencyBecause;
}

/**
 * Suggests an urgency for a person to confirm or change (first rule that matches):
 *   critical screening                                      → 2 days
 *   unaccompanied (or child-headed household) + acute sign  → 2 days
 *   high screening                                          → 1 week
 *   separated/alternative care + acute sign                 → 1 week
 *   unaccompanied                                           → 1 week
 *   child-headed household                                  → 1 week
 *   separated or in foster/kinship care                     → 30 days
 *   medium screening                                        → 30 days
 *   otherwise                                               → non-urgent
 * Acute signs are ACUTE_CHILD_INDICATORS. This is our reading of the scale, not a rule
 * from the guidelines.
 */
export function suggestBiaUrgency(input: {
  careSituation: CareSituation | null;
  screeningLevel: RiskLevel | null;
  indicators: readonly string[];
}): UrgencySuggestion {
  const acute = input.indicators.some((id) => ACUTE_CHILD_INDICATORS.includes(id));
  const alone = input.careSituation === 'unaccompanied' || input.careSituation === 'child_headed_household';
  if (input.screeningLevel === 'critical') return { urgency: '2_days', because: 'critical_screening' };
  if (alone && acute) return { urgency: '2_days', because: 'unaccompanied_with_acute_indicator' };
  if (input.screeningLevel === 'high') return { urgency: '1_week', because: 'high_screening' };
  if (acute && isSeparatedOrUnaccompanied(input.careSituation)) return { urgency: '1_week', because: 'separated_with_acute_indicator' };
  if (input.careSituation === 'unaccompanied') return { urgency: '1_week', because: 'unaccompanied' };
  if (input.careSituation === 'child_headed_household') return { urgency: '1_week', because: 'child_headed_household' };
  if (isSeparatedOrUnaccompanied(input.careSituation)) return { urgency: '30_days', because: 'separated_or_in_alternative_care' };
  if (input.screeningLevel === 'medium') return { urgency: '30_days', because: 'medium_screening' };
  return { urgency: 'non_urgent', because: 'no_risk_found' };
}

/** The indicator ids a screening found, for suggestBiaUrgency. */
export function screeningIndicators(outcome: Pick<ScreeningOutcome, 'domains'>): string[] {
  return [...new Set(outcome.domains.flatMap((d) => d.signals.map((s) => s.indicator)))];
}
