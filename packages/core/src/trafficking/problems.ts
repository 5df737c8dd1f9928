/** Stable codes for what is wrong with an assessment's input. Add codes; never rename one. */
export const TRAFFICKING_PROBLEM_CODES = [
  'unknown_code',
  'duplicate_code',
  'invalid_note_id',
  'invalid_date',
  'date_in_future',
  'dates_out_of_order',
  'date_before_birth',
  'invalid_age',
  // Recorded as under 18 at the time of the acts, but the known age says 18 or over then.
  'child_rule_adult',
  // Recorded as 18 or over at the time of the acts, but the known age says under 18 then.
  'adult_rule_child',
] as const;
export type TraffickingProblemCode = (typeof TRAFFICKING_PROBLEM_CODES)[number];

/**
 * A rule the input breaks. `path` leads into the input (or, for `ageAtAssessment` and
 * `dateOfBirth`, names the option); the server turns it into a JSON Pointer with toPointer.
 */
export interface TraffickingProblem {
  code: TraffickingProblemCode;
  path: (string | number)[];
  message: string;
}
