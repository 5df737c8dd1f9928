import { can, err, ok, type Result } from '@waymark/core';
import type { Site, SiteUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findSiteInOperations, updateSiteAtVersion } from '../../db/sites-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentSite } from '../../presenters/site';
import type { UseCaseContext } from '../context';
import { checkSiteArea, refuseSiteAdministration } from './site-administration';

/**
 * Renames or re-places a site, audited with what it was. People registered there keep the
 * setting and area recorded with them (they are edited on their own records), so a
 * correction here does not silently move counts on the map.
 */
export async function updateSite(ctx: UseCaseContext, id: string, input: SiteUpdate): Promise<Result<Site, Failure>> {
  if (!can(ctx.actor, 'agency.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const current = await findSiteInOperations(tx, ctx.actor.operationIds, id);
    if (!current) return err(failure('not_found'));
    const refused = refuseSiteAdministration(ctx.actor, current.operation_id);
    if (refused) return err(refused);
    const area = await checkSiteArea(tx, current.operation_id, input.adminAreaCode);
    if (area) return err(area);
    const { version, ...fields } = input;
    const changes = {
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.setting !== undefined ? { setting: fields.setting } : {}),
      ...(fields.adminAreaCode !== undefined ? { admin_area_code: fields.adminAreaCode } : {}),
      ...(fields.latitude !== undefined ? { latitude: fields.latitude, longitude: fields.longitude ?? null } : {}),
    };
    const updated = await updateSiteAtVersion(tx, { operationId: current.operation_id, id, version }, changes);
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'site.update',
      resourceType: 'site',
      resourceId: id,
      // Audit details are flat: what it was, field by field (a site's place is not personal data).
      details: { changed: Object.keys(changes).join(','), wasName: current.name, wasSetting: current.setting, wasAdminAreaCode: current.admin_area_code, wasLatitude: current.latitude, wasLongitude: current.longitude },
    });
    return ok(presentSite(updated));
  });
}
