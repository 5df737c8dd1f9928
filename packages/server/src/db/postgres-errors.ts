import type { Failure } from '../failure';
import { failure } from '../failure';

interface PgError {
  code: string;
  constraint?: string;
  column?: string;
}

function isPgError(error: unknown): error is PgError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Constraint violations are the user's mistake, not a crash (ODK's postgresErrorToProblem).
 * Messages name the constraint, never the row's values.
 */
export function failureFromPostgres(error: unknown): Failure | null {
  if (!isPgError(error)) return null;
  switch (error.code) {
    case '23505':
      return failure('duplicate_id', `already exists (${error.constraint ?? 'unique'})`);
    case '23503':
      return failure('validation_failed', undefined, [
        { path: '', code: 'unknown_reference', message: `refers to a record that does not exist (${error.constraint ?? 'foreign key'})` },
      ]);
    case '23514':
    case '23502':
    case '22007':
    case '22008':
      return failure('validation_failed', undefined, [
        { path: '', code: 'rejected_by_database', message: `rejected by ${error.constraint ?? error.column ?? 'a check'}` },
      ]);
    default:
      return null;
  }
}
