import { can, canInOperation, type Actor } from '@waymark/core';
import { adminAreaExists } from '../../db/sites-repository';
import type { Tx } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';

/**
 * Sites are the operation's own places: set up by an administrator of the whole operation
 * (as its security policy is). Another operation's site is not found.
 */
export function refuseSiteAdministration(actor: Actor, operationId: string): Failure | null {
  if (!can(actor, 'agency.manage')) return failure('forbidden');
  if (!canInOperation(actor, 'agency.manage', operationId)) return failure('not_found');
  if (actor.scope !== 'operation') return failure('forbidden');
  return null;
}

/** An admin area named for a site must be one of the operation's (boundaries are loaded first). */
export async function checkSiteArea(tx: Tx, operationId: string, code: string | null | undefined): Promise<Failure | null> {
  if (code === null || code === undefined) return null;
  if (await adminAreaExists(tx, operationId, code)) return null;
  return invalid([{ code: 'unknown_admin_area', path: ['adminAreaCode'], message: 'no admin area of this code in the operation: load its boundaries first' }]);
}
