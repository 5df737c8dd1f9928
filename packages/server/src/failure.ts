import type { ConsentPurpose } from '@waymark/core';
import type { FieldProblem, ProblemCode } from '@waymark/contracts';
import { toPointer } from '@waymark/contracts';

/** Why a use case did not happen: a value, mapped to an HTTP problem at the edge. */
export interface Failure {
  code: ProblemCode;
  detail?: string;
  errors?: FieldProblem[];
  /** With consent_required: the purpose without consent in force. */
  purpose?: ConsentPurpose;
}

export const failure = (code: ProblemCode, detail?: string, errors?: FieldProblem[]): Failure => ({
  code,
  ...(detail === undefined ? {} : { detail }),
  ...(errors === undefined ? {} : { errors }),
});

/** Domain problems carry paths as arrays; the API speaks JSON Pointers. */
export function invalid(problems: ReadonlyArray<{ code: string; path: (string | number)[]; message: string }>): Failure {
  return failure(
    'validation_failed',
    undefined,
    problems.map((problem) => ({ code: problem.code, path: toPointer(problem.path), message: problem.message })),
  );
}
