import type { Session } from '@waymark/contracts';
import { checkGrant, isRole, isScope, ROLES, SCOPES, type Actor, type Role, type Scope } from '@waymark/core';

/**
 * The signed-in user as the rule book sees them, from the session. Team ids are not in the
 * session and do not matter to a grant. Display only: the server checks every grant itself.
 */
export function actorOf(session: Session): Actor | null {
  const { role, scope } = session.user;
  if (!isRole(role) || !isScope(scope)) return null;
  return {
    userId: session.user.id,
    role,
    scope,
    agencyId: session.user.agencyId,
    teamIds: [],
    operationIds: session.operations.map((operation) => operation.id),
  };
}

export interface GrantChoice {
  operationId: string;
  agencyId: string;
  role: Role;
  scope: Scope;
}

/** Roles the actor may give in that operation and agency (at the narrowest scope). */
export function grantableRoles(actor: Actor, choice: Pick<GrantChoice, 'operationId' | 'agencyId'>): Role[] {
  return ROLES.filter((role) => checkGrant(actor, { role, scope: 'own', agencyId: choice.agencyId, operationIds: [choice.operationId] }) === null);
}

/** Scopes the actor may give with that role. */
export function grantableScopes(actor: Actor, choice: Omit<GrantChoice, 'scope'>): Scope[] {
  return SCOPES.filter(
    (scope) => checkGrant(actor, { role: choice.role, scope, agencyId: choice.agencyId, operationIds: [choice.operationId] }) === null,
  );
}

/**
 * Agencies the actor may put a user in: any of the operation's at operation scope, else
 * their own (checkGrant's agency rule, which it reaches only after the role checks).
 */
export function grantableAgencies<A extends { id: string }>(actor: Actor, agencies: readonly A[]): A[] {
  return agencies.filter((agency) => actor.scope === 'operation' || agency.id === actor.agencyId);
}

/** Whether the actor could have granted what this user holds: only then may they disable or enable them. */
export function mayManage(actor: Actor, user: { id: string; role: string; scope: string; agencyId: string | null; operationIds: readonly string[] }): boolean {
  if (user.id === actor.userId || !isRole(user.role) || !isScope(user.scope)) return false;
  return checkGrant(actor, { role: user.role, scope: user.scope, agencyId: user.agencyId ?? '', operationIds: user.operationIds }) === null;
}

/** Whether the actor may create teams in this agency (a granter below operation scope: only their own). */
export function mayManageTeamsOf(actor: Actor, agencyId: string): boolean {
  return actor.scope === 'operation' || actor.agencyId === agencyId;
}
