import { isIsoDate } from '../scoring/iso-date';
import { errorAt, warningAt, type SolutionsProblem } from './problems';
import {
  DURABLE_SOLUTIONS,
  OPEN_STATUSES,
  PURSUED_STATUSES,
  isSolutionRiskReason,
  type DurableSolution,
  type SolutionRiskLevel,
  type SolutionRiskReason,
  type SolutionStatus,
  type SolutionWish,
} from './vocabulary';

/** The trafficking risk of one solution, with the reasons behind it. */
export interface SolutionTraffickingRisk {
  level: SolutionRiskLevel;
  reasons: SolutionRiskReason[];
  /** Required when `other` is among the reasons. Free text: never logged or audited. */
  note?: string | null;
}

export interface SolutionAssessment {
  status: SolutionStatus;
  /** What the person (or household) wants: the seed insists on a refugee-centred approach. */
  wish: SolutionWish;
  traffickingRisk: SolutionTraffickingRisk | null;
}

/** The three solutions for one person or household, assessed together. */
export interface DurableSolutionsAssessment {
  subject: { kind: 'person' | 'household'; id: string };
  /** ISO date of the assessment. */
  assessedOn: string;
  /** User id of the caseworker who assessed. */
  assessedBy: string;
  solutions: Record<DurableSolution, SolutionAssessment>;
}

/** Anything but `not_assessed`: someone has looked at this solution. */
export function isAssessed(solution: SolutionAssessment): boolean {
  return solution.status !== 'not_assessed';
}

/** Resettlement comes after the others were looked at (Handbook; domain.md §3). */
export function otherSolutionsConsidered(assessment: DurableSolutionsAssessment): boolean {
  return isAssessed(assessment.solutions.voluntary_repatriation) && isAssessed(assessment.solutions.local_integration);
}

/** Both alternatives to resettlement were assessed and neither is open. */
export function noFeasibleAlternative(assessment: DurableSolutionsAssessment): boolean {
  const { voluntary_repatriation: back, local_integration: stay } = assessment.solutions;
  return isAssessed(back) && isAssessed(stay) && !OPEN_STATUSES.has(back.status) && !OPEN_STATUSES.has(stay.status);
}

function checkRisk(solution: SolutionAssessment, at: (string | number)[]): SolutionsProblem[] {
  const risk = solution.traffickingRisk;
  if (!isAssessed(solution)) return [];
  if (risk === null) {
    return [errorAt('risk_required', [...at, 'traffickingRisk'], 'record the trafficking risk of every assessed solution')];
  }
  const problems: SolutionsProblem[] = [];
  if (risk.level !== 'low' && risk.reasons.length === 0) {
    problems.push(errorAt('risk_reason_required', [...at, 'traffickingRisk', 'reasons'], `a ${risk.level} risk needs at least one reason`));
  }
  const seen = new Set<string>();
  risk.reasons.forEach((reason: string, index) => {
    if (!isSolutionRiskReason(reason)) {
      problems.push(errorAt('unknown_risk_reason', [...at, 'traffickingRisk', 'reasons', index], 'unknown risk reason'));
    } else if (seen.has(reason)) {
      problems.push(errorAt('duplicate_risk_reason', [...at, 'traffickingRisk', 'reasons', index], 'reason given twice'));
    }
    seen.add(reason);
  });
  if (seen.has('other') && !risk.note?.trim()) {
    problems.push(errorAt('risk_note_required', [...at, 'traffickingRisk', 'note'], "say what 'other' is"));
  }
  return problems;
}

function checkWish(name: DurableSolution, solution: SolutionAssessment, at: (string | number)[]): SolutionsProblem[] {
  const problems: SolutionsProblem[] = [];
  const pursued = PURSUED_STATUSES.has(solution.status);
  if (pursued && solution.wish === 'does_not_wish') {
    problems.push(
      name === 'voluntary_repatriation'
        ? errorAt('repatriation_not_voluntary', [...at, 'status'], 'repatriation must be voluntary: the person does not wish to return')
        : warningAt('against_persons_wish', [...at, 'status'], 'this solution is pursued against the wish the person expressed'),
    );
  }
  if (pursued && solution.traffickingRisk?.level === 'high') {
    problems.push(warningAt('high_risk_solution_pursued', [...at, 'traffickingRisk', 'level'], 'a solution with high trafficking risk is being pursued: plan how the risk is reduced'));
  }
  return problems;
}

function checkDate(value: string, today: Date, at: (string | number)[]): SolutionsProblem[] {
  if (!isIsoDate(value)) return [errorAt('invalid_date', at, 'not a calendar date (YYYY-MM-DD)')];
  if (value > today.toISOString().slice(0, 10)) return [errorAt('date_in_future', at, 'date is in the future')];
  return [];
}

/**
 * Everything wrong with an assessment, errors and warnings, each at its path. `today` is
 * the caller's clock. An assessment with no error may be saved; warnings go with it.
 */
export function validateSolutionsAssessment(assessment: DurableSolutionsAssessment, today: Date): SolutionsProblem[] {
  const problems: SolutionsProblem[] = [...checkDate(assessment.assessedOn, today, ['assessedOn'])];
  if (!assessment.assessedBy.trim()) problems.push(errorAt('confirmer_required', ['assessedBy'], 'who assessed must be recorded'));
  let preferred = 0;
  for (const name of DURABLE_SOLUTIONS) {
    const solution = assessment.solutions[name];
    const at = ['solutions', name];
    problems.push(...checkRisk(solution, at), ...checkWish(name, solution, at));
    if (solution.status === 'preferred') {
      preferred += 1;
      if (preferred > 1) problems.push(errorAt('multiple_preferred', [...at, 'status'], 'only one solution can be the preferred one'));
    }
  }
  return problems;
}
