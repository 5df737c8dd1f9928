import { ROLE_CLEARANCE, sensitivityRank } from './clearance';
import type { Actor } from './can';
import { ROLE_VERBS, type Role } from './roles';
import { scopeRank, type Scope } from './scopes';

export type GrantRefusal = 'not_allowed' | 'role_exceeds_own' | 'scope_exceeds_own' | 'outside_own_agency' | 'outside_own_operations';

export interface Grant {
  role: Role;
  scope: Scope;
  agencyId: string;
  operationIds: readonly string[];
}

/**
 * Nobody can grant a role or scope they do not hold: the granted role's verbs and
 * clearance must be within the granter's, its scope no wider, its operations among the
 * granter's, and a granter below operation scope grants only inside their own agency.
 */
export function checkGrant(granter: Actor, grant: Grant): GrantRefusal | null {
  if (!ROLE_VERBS[granter.role].has('user.manage')) return 'not_allowed';
  const mine = ROLE_VERBS[granter.role];
  for (const verb of ROLE_VERBS[grant.role]) if (!mine.has(verb)) return 'role_exceeds_own';
  const given = ROLE_CLEARANCE[grant.role];
  const held = ROLE_CLEARANCE[granter.role];
  if (sensitivityRank(given.level) > sensitivityRank(held.level)) return 'role_exceeds_own';
  for (const topic of given.topics) if (!held.topics.has(topic)) return 'role_exceeds_own';
  if (scopeRank(grant.scope) > scopeRank(granter.scope)) return 'scope_exceeds_own';
  if (grant.operationIds.some((id) => !granter.operationIds.includes(id))) return 'outside_own_operations';
  if (granter.scope !== 'operation' && grant.agencyId !== granter.agencyId) return 'outside_own_agency';
  return null;
}
