export const INSTRUMENT_PROBLEM_CODES = [
  'invalid_shape',
  'invalid_weight',
  'missing_choices',
  'duplicate_id',
  'duplicate_choice_value',
  'reserved_choice_value',
  'invalid_yes_no_choices',
  'unknown_domain',
  'unknown_indicator',
  'indicator_domain_mismatch',
  'missing_risk_detail',
  'invalid_band',
  'empty_level_rule',
  'unknown_item_reference',
  'forward_reference',
  'unknown_choice_reference',
  'item_in_registration_rule',
  'missing_translation',
] as const;
export type InstrumentProblemCode = (typeof INSTRUMENT_PROBLEM_CODES)[number];

export type ProblemPath = (string | number)[];

export interface InstrumentProblem {
  code: InstrumentProblemCode;
  path: ProblemPath;
  message: string;
}

export function problem(code: InstrumentProblemCode, path: ProblemPath, message: string): InstrumentProblem {
  return { code, path, message };
}
