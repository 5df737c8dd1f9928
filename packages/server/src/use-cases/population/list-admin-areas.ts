import { can, canInOperation, err, ok, type Result } from '@waymark/core';
import type { AdminAreas } from '@waymark/contracts';
import { listAdminAreasWithShapes, listSitesOfOperation } from '../../db/admin-areas-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** The shapes of an operation's admin areas and its sites: what the map draws. No people. */
export async function listAdminAreas(ctx: UseCaseContext, operationId: string): Promise<Result<AdminAreas, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (!canInOperation(ctx.actor, 'aggregate.read', operationId)) return err(failure('forbidden'));
  const [areas, sites] = await Promise.all([listAdminAreasWithShapes(ctx.db, operationId), listSitesOfOperation(ctx.db, operationId)]);
  return ok({
    operationId,
    areas: areas.map((area) => ({ code: area.code, level: area.level, name: area.name, parentCode: area.parent_code, geometry: area.geometry })),
    sources: [...new Set(areas.map((area) => area.source))],
    sites: sites.map((site) => ({ id: site.id, code: site.code, name: site.name, setting: site.setting, adminAreaCode: site.admin_area_code })),
  });
}
