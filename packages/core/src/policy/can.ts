import { ROLE_VERBS, type Role, type Verb } from './roles';

export interface Actor {
  userId: string;
  role: Role;
  /** Operations whose records this actor may reach. */
  operationIds: readonly string[];
}

/** A record as the rule book sees it: which operation it lives in. */
export interface ResourceRef {
  operationId: string;
}

/**
 * The one authorisation rule book, used by the server to enforce and by the web client
 * to show only what is allowed. Without a resource it answers "may this actor ever…".
 */
export function can(actor: Actor, verb: Verb, resource?: ResourceRef): boolean {
  if (!ROLE_VERBS[actor.role].has(verb)) return false;
  if (resource === undefined) return true;
  return actor.operationIds.includes(resource.operationId);
}

export function abilitiesOf(actor: Pick<Actor, 'role'>): Verb[] {
  return [...ROLE_VERBS[actor.role]];
}
