import type { User } from '@waymark/contracts';
import type { AdminUserRow } from '../db/users-admin-repository';

/**
 * An explicit allow-list: the password hash, MFA secrets and anything added to the users
 * table later never leave the server unless named here.
 */
export function presentUser(row: AdminUserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as User['role'],
    scope: row.scope as User['scope'],
    agencyId: row.agency_id,
    operationIds: row.operationIds,
    teamIds: row.teamIds,
    mustChangePassword: row.must_change_password,
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
