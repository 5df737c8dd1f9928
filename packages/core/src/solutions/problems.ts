/**
 * Problem codes of this module. Errors refuse the input; warnings are shown to the
 * caseworker and recorded, but do not stop them (the Handbook says "usually", not "must").
 */
export const SOLUTIONS_PROBLEM_CODES = [
  'risk_required',
  'risk_reason_required',
  'unknown_risk_reason',
  'duplicate_risk_reason',
  'risk_note_required',
  'multiple_preferred',
  'repatriation_not_voluntary',
  'against_persons_wish',
  'high_risk_solution_pursued',
  'date_in_future',
  'invalid_date',
  'unknown_category',
  'categories_must_differ',
  'usually_secondary_category',
  'other_solutions_not_considered',
  'resettlement_not_feasible',
  'medical_criteria_not_met',
  'confirmer_required',
  'duplicate_case_id',
  // A page of the queue read by the database that does not fit the queue's histogram (queue-page.ts).
  'queue_slice_out_of_order',
  'queue_slice_not_counted',
  'queue_slice_incomplete',
] as const;
export type SolutionsProblemCode = (typeof SOLUTIONS_PROBLEM_CODES)[number];

export type ProblemSeverity = 'error' | 'warning';

export interface SolutionsProblem {
  code: SolutionsProblemCode;
  severity: ProblemSeverity;
  /** Path into the submitted object (the server turns it into a JSON Pointer). */
  path: (string | number)[];
  message: string;
}

export function errorAt(code: SolutionsProblemCode, path: (string | number)[], message: string): SolutionsProblem {
  return { code, severity: 'error', path, message };
}

export function warningAt(code: SolutionsProblemCode, path: (string | number)[], message: string): SolutionsProblem {
  return { code, severity: 'warning', path, message };
}

export function hasErrors(problems: readonly SolutionsProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
