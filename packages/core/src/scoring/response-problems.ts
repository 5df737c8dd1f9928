export type ResponseValue = string | string[] | number | boolean | null;

export const RESPONSE_PROBLEM_CODES = [
  'unknown_item',
  'not_a_choice',
  'wrong_type',
  'not_applicable',
  'out_of_range',
  'invalid_date',
] as const;
export type ResponseProblemCode = (typeof RESPONSE_PROBLEM_CODES)[number];

export interface ResponseProblem {
  code: ResponseProblemCode;
  /** ['responses', itemId] or, inside a multiple-choice answer, ['responses', itemId, index]. */
  path: (string | number)[];
  message: string;
}

export function responseProblem(
  code: ResponseProblemCode,
  itemId: string,
  message: string,
  index?: number,
): ResponseProblem {
  return { code, path: index === undefined ? ['responses', itemId] : ['responses', itemId, index], message };
}
