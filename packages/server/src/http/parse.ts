import { fieldProblemsFromZod } from '@waymark/contracts';
import type { z } from 'zod';
import { failure, type Failure } from '../failure';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Validates input against a contract schema; problems carry JSON Pointers into it. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: failure('validation_failed', undefined, fieldProblemsFromZod(result.error)) };
}
