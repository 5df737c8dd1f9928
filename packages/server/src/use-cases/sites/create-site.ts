import { err, ok, type Result } from '@waymark/core';
import type { Site, SiteCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { insertSite } from '../../db/sites-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentSite } from '../../presenters/site';
import type { UseCaseContext } from '../context';
import { checkSiteArea, refuseSiteAdministration } from './site-administration';

/** A new site of an operation, audited; a code already used there is a 409. */
export async function createSite(ctx: UseCaseContext, operationId: string, input: SiteCreate): Promise<Result<Site, Failure>> {
  const refused = refuseSiteAdministration(ctx.actor, operationId);
  if (refused) return err(refused);
  return transact(ctx.db, async (tx) => {
    const area = await checkSiteArea(tx, operationId, input.adminAreaCode);
    if (area) return err(area);
    const row = await insertSite(tx, {
      operation_id: operationId,
      id: uuidv7(),
      code: input.code,
      name: input.name,
      setting: input.setting,
      admin_area_code: input.adminAreaCode,
      latitude: input.latitude,
      longitude: input.longitude,
    });
    if (!row) return err(failure('conflict', 'a site of this code exists in the operation'));
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId, action: 'site.create', resourceType: 'site', resourceId: row.id, details: { code: row.code, setting: row.setting, adminAreaCode: row.admin_area_code } });
    return ok(presentSite(row));
  });
}
