import { ok, type Result } from '@waymark/core';
import type { Operation } from '@waymark/contracts';
import { listOperations } from '../../db/operations-repository';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** The operations the actor works in; anyone signed in may know their own. */
export async function listMyOperations(ctx: UseCaseContext): Promise<Result<{ items: Operation[] }, Failure>> {
  return ok({ items: await listOperations(ctx.db, ctx.actor.operationIds) });
}
