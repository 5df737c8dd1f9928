import { ok, type Result } from '@waymark/core';
import type { Site } from '@waymark/contracts';
import { listSites } from '../../db/operations-repository';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** The sites of the operations the actor works in; a site names a place, never a person. */
export async function listMySites(ctx: UseCaseContext): Promise<Result<{ items: Site[]; total: number }, Failure>> {
  const rows = await listSites(ctx.db, ctx.actor.operationIds);
  const items = rows.map((row) => ({
    id: row.id,
    operationId: row.operation_id,
    code: row.code,
    name: row.name,
    setting: row.setting,
    adminAreaCode: row.admin_area_code,
  }));
  return ok({ items, total: items.length });
}
