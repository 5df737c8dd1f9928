import type { ConsentPurpose } from '@waymark/core';
import { PROBLEM_CODES, ProblemSchema, type FieldProblem, type ProblemCode } from '@waymark/contracts';

/** Codes the client adds for failures that never reached a Waymark problem. */
export const CLIENT_PROBLEM_CODES = ['network_error', 'unexpected_response'] as const;
export type ClientProblemCode = (typeof CLIENT_PROBLEM_CODES)[number];

export type ApiProblemCode = ProblemCode | ClientProblemCode;

export const ALL_PROBLEM_CODES: readonly ApiProblemCode[] = [...PROBLEM_CODES, ...CLIENT_PROBLEM_CODES];

/** A failed API call, as the UI needs it: a stable code to translate and field errors. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiProblemCode,
    readonly fieldErrors: readonly FieldProblem[] = [],
    /** With consent_required: the purpose the person has not consented to. */
    readonly purpose: ConsentPurpose | null = null,
  ) {
    super(code);
    this.name = 'ApiProblem';
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/**
 * Turns a failed response body into an ApiProblem. A body that is not Waymark's
 * problem shape (a proxy's HTML page, an unknown code) still yields a translatable code.
 */
export function problemFromBody(status: number, body: unknown): ApiProblem {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) return new ApiProblem(status, parsed.data.code, parsed.data.errors ?? [], parsed.data.purpose ?? null);
  if (status === 401) return new ApiProblem(status, 'unauthenticated');
  if (status === 403) return new ApiProblem(status, 'forbidden');
  if (status === 404) return new ApiProblem(status, 'not_found');
  if (status >= 500) return new ApiProblem(status, 'internal_error');
  return new ApiProblem(status, 'unexpected_response');
}
