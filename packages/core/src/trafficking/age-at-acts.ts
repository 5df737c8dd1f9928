import { fullYears, isIsoDate, nextDay, shiftYears } from './calendar';
import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';
import type { TraffickingProblem } from './problems';

export const ADULT_AGE = 18;

/**
 * How the child rule was decided:
 * - 'date_of_birth' / 'age_at_assessment': from the record, the age at the acts known
 *   exactly (or within a year when only the age in years is known);
 * - 'presumed_child': the age then may have been under 18 or not; treated as a child;
 * - 'stated': only the caseworker's record of under/over 18 at the acts;
 * - 'unknown': no age at all, so the adult rule (all three elements) is used.
 */
export type TraffickingAgeBasis = 'date_of_birth' | 'age_at_assessment' | 'presumed_child' | 'stated' | 'unknown';

export interface AgeAtActs {
  childRuleApplies: boolean;
  basis: TraffickingAgeBasis;
  /** Youngest and oldest the person can have been on `actsDate`; null when age is unknown. */
  range: { min: number; max: number } | null;
  /** The day taken as "the time of the acts": the earliest date recorded, else today. */
  actsDate: string;
  /** False when no date was recorded and today stands in for the time of the acts. */
  actsDateRecorded: boolean;
}

function earliestDate(input: TraffickingAssessmentInput): string | null {
  const known = [input.dates.firstContact, input.dates.exploitationStart, input.dates.exploitationEnd].filter(
    (d): d is string => d !== null && isIsoDate(d),
  );
  return known.sort()[0] ?? null;
}

function rangeOf(context: TraffickingAssessmentContext, actsDate: string): { range: { min: number; max: number }; basis: TraffickingAgeBasis } | null {
  if (context.dateOfBirth) {
    const age = fullYears(context.dateOfBirth, actsDate);
    return { range: { min: age, max: age }, basis: 'date_of_birth' };
  }
  const age = context.ageAtAssessment;
  if (age === null) return null;
  // Aged `age` today: born no later than `age` years ago, and after `age + 1` years ago.
  const latestBirth = shiftYears(context.today, -age);
  const earliestBirth = nextDay(shiftYears(context.today, -(age + 1)));
  return { range: { min: fullYears(latestBirth, actsDate), max: fullYears(earliestBirth, actsDate) }, basis: 'age_at_assessment' };
}

/**
 * Was the person under 18 at the time of the acts? The earliest recorded date is used
 * (recruitment comes first and the youngest age protects most). Where the record leaves
 * it open, the person is treated as a child (presumption of minority), unless the
 * caseworker recorded otherwise. A statement the record contradicts is a problem.
 * Call only with input that passed validation.
 */
export function ageAtActs(input: TraffickingAssessmentInput, context: TraffickingAssessmentContext): { age: AgeAtActs; problems: TraffickingProblem[] } {
  const recorded = earliestDate(input);
  const actsDate = recorded ?? context.today;
  const actsDateRecorded = recorded !== null;
  const known = rangeOf(context, actsDate);
  const stated = input.underEighteenAtActs;
  const problems: TraffickingProblem[] = [];

  if (known === null) {
    const childRuleApplies = stated === true;
    return { age: { childRuleApplies, basis: stated === null ? 'unknown' : 'stated', range: null, actsDate, actsDateRecorded }, problems };
  }
  const { range, basis } = known;
  const surelyChild = range.max < ADULT_AGE;
  const surelyAdult = range.min >= ADULT_AGE;
  if (stated === true && surelyAdult) {
    problems.push({ code: 'child_rule_adult', path: ['underEighteenAtActs'], message: `the record gives age ${range.min} or more at the time of the acts` });
  }
  if (stated === false && surelyChild) {
    problems.push({ code: 'adult_rule_child', path: ['underEighteenAtActs'], message: `the record gives age ${range.max} or less at the time of the acts` });
  }
  if (surelyChild || surelyAdult) return { age: { childRuleApplies: surelyChild, basis, range, actsDate, actsDateRecorded }, problems };
  if (stated !== null) return { age: { childRuleApplies: stated, basis: 'stated', range, actsDate, actsDateRecorded }, problems };
  return { age: { childRuleApplies: true, basis: 'presumed_child', range, actsDate, actsDateRecorded }, problems };
}
