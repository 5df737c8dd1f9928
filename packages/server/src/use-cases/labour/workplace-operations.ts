import { can, canInOperation, err, ok, type Result, type Verb } from '@waymark/core';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * Workplaces are read operation-wide (the shared map): everyone in the operation with the
 * verb sees the same map of where refugees work; changing one is its holder's (core/policy
 * labour-programmes.ts). 403 without the verb; else the operations the actor may use it in.
 */
export function operationsFor(ctx: UseCaseContext, verb: Verb, requested?: string): Result<string[], Failure> {
  if (!can(ctx.actor, verb)) return err(failure('forbidden'));
  if (requested !== undefined) return canInOperation(ctx.actor, verb, requested) ? ok([requested]) : err(failure('forbidden'));
  return ok(ctx.actor.operationIds.filter((id) => canInOperation(ctx.actor, verb, id)));
}
