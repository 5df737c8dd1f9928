import { canInOperation, err, ok, type Result, type Verb } from '@waymark/core';
import { failure, invalid, type Failure } from '../failure';
import type { UseCaseContext } from './context';

/**
 * The operation a new record goes into: the one named, or the actor's only one. The
 * actor must be allowed to do `verb` there.
 */
export function resolveOperation(ctx: UseCaseContext, verb: Verb, requested: string | undefined): Result<string, Failure> {
  const operationId = requested ?? (ctx.actor.operationIds.length === 1 ? ctx.actor.operationIds[0] : undefined);
  if (operationId === undefined) {
    return err(invalid([{ code: 'operation_required', path: ['operationId'], message: 'name the operation' }]));
  }
  if (!canInOperation(ctx.actor, verb, operationId)) return err(failure('forbidden'));
  return ok(operationId);
}
