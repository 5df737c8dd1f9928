import { adminAreaExists } from '../../db/sites-repository';
import type { Tx } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';
import { refuseOperationAdministration } from '../admin/operation-security';

/**
 * Sites are the operation's own places: set up by an administrator of the whole operation,
 * by the same rule as its security policy. Another operation's site is not found.
 */
export const refuseSiteAdministration = refuseOperationAdministration;

/** An admin area named for a site must be one of the operation's (boundaries are loaded first). */
export async function checkSiteArea(tx: Tx, operationId: string, code: string | null | undefined): Promise<Failure | null> {
  if (code === null || code === undefined) return null;
  if (await adminAreaExists(tx, operationId, code)) return null;
  return invalid([{ code: 'unknown_admin_area', path: ['adminAreaCode'], message: 'no admin area of this code in the operation: load its boundaries first' }]);
}
