import { ok, type Result } from '@waymark/core';
import type { Site } from '@waymark/contracts';
import { listSites } from '../../db/operations-repository';
import type { Failure } from '../../failure';
import { presentSite } from '../../presenters/site';
import type { UseCaseContext } from '../context';

/** The sites of the operations the actor works in; a site names a place, never a person. */
export async function listMySites(ctx: UseCaseContext): Promise<Result<{ items: Site[]; total: number }, Failure>> {
  const items = (await listSites(ctx.db, ctx.actor.operationIds)).map(presentSite);
  return ok({ items, total: items.length });
}
