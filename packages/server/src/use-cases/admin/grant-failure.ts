import { checkGrant, isRole, isScope, type Actor, type Grant, type GrantRefusal } from '@waymark/core';
import { allOperationIdsOf, type AdminUserRow } from '../../db/users-admin-repository';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';

const FIELD: Record<Exclude<GrantRefusal, 'not_allowed'>, string> = {
  role_exceeds_own: '/role',
  scope_exceeds_own: '/scope',
  outside_own_agency: '/agencyId',
  outside_own_operations: '/operationIds',
};

const MESSAGE: Record<Exclude<GrantRefusal, 'not_allowed'>, string> = {
  role_exceeds_own: 'the role has verbs or clearance you do not hold',
  scope_exceeds_own: 'the scope is wider than yours',
  outside_own_agency: 'you grant only inside your own agency',
  outside_own_operations: 'you grant only in operations you work in',
};

/** A refused grant as a 403 problem naming the field that went too far. */
export function grantFailure(refusal: GrantRefusal, detail?: string): Failure {
  if (refusal === 'not_allowed') return failure('forbidden');
  return failure('grant_exceeds_own', detail, [{ path: FIELD[refusal], code: refusal, message: MESSAGE[refusal] }]);
}

/** The core grant rule; null when allowed. */
export function refuseGrant(granter: Actor, grant: Grant): Failure | null {
  const refusal = checkGrant(granter, grant);
  return refusal === null ? null : grantFailure(refusal);
}

export type HeldAccess = Pick<AdminUserRow, 'id' | 'role' | 'scope' | 'agency_id'>;

/**
 * What a user holds now, as a grant. Changing, disabling or regrouping someone needs the
 * power to have granted what they hold: a supervisor cannot disable an administrator.
 */
export async function currentGrantOf(tx: Tx, user: HeldAccess): Promise<Grant | null> {
  if (!isRole(user.role) || !isScope(user.scope)) return null;
  return { role: user.role, scope: user.scope, agencyId: user.agency_id ?? '', operationIds: await allOperationIdsOf(tx, user.id) };
}

export async function refuseManaging(tx: Tx, granter: Actor, user: HeldAccess): Promise<Failure | null> {
  const held = await currentGrantOf(tx, user);
  if (held === null) return failure('forbidden');
  const refusal = checkGrant(granter, held);
  return refusal === null ? null : grantFailure(refusal, 'this user holds more than you may grant');
}
