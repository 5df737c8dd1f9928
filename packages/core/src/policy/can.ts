import { ROLE_VERBS, type Role, type Verb } from './roles';
import type { Scope } from './scopes';

export interface Actor {
  userId: string;
  role: Role;
  /** Which records the actor's verbs reach within its operations. */
  scope: Scope;
  /** The one agency the user belongs to (null only for the bootstrap administrator). */
  agencyId: string | null;
  teamIds: readonly string[];
  /** Operations whose records this actor may reach. */
  operationIds: readonly string[];
}

/** A record as the rule book sees it: where it lives and who holds it. */
export interface RecordRef {
  operationId: string;
  agencyId?: string | null;
  teamId?: string | null;
  assignedUserId?: string | null;
}

/** @deprecated name kept for callers that only know the operation. */
export type ResourceRef = RecordRef;

/**
 * The one authorisation rule book, used by the server to enforce (HTTP, CLI, jobs) and by
 * the web client to show only what is allowed. Without a record it answers "may this
 * actor ever…". With one, the record must be inside the actor's scope. The same rule is
 * applied in SQL by the list queries (server/src/db/scope.ts), tested to agree.
 */
export function can(actor: Actor, verb: Verb, record?: RecordRef): boolean {
  if (!ROLE_VERBS[actor.role].has(verb)) return false;
  if (record === undefined) return true;
  return inScope(actor, record);
}

/**
 * May the actor do `verb` somewhere in this operation (create a record there, or list
 * what its scope reaches there)? Reads and changes of one record use `can` with the record.
 */
export function canInOperation(actor: Actor, verb: Verb, operationId: string): boolean {
  return ROLE_VERBS[actor.role].has(verb) && actor.operationIds.includes(operationId);
}

/**
 * May the actor do `verb` to the whole operation at once (its security or retention policy, a
 * retention run, a backup, a restore, a key rotation)? Being in the operation is not enough:
 * these reach every agency's records, so only a user whose scope is the operation may.
 */
export function canForWholeOperation(actor: Actor, verb: Verb, operationId: string): boolean {
  // Every verb of WHOLE_OPERATION_VERBS is checked here; abilitiesOf hides them from other scopes.
  return canInOperation(actor, verb, operationId) && actor.scope === 'operation';
}

export function inScope(actor: Actor, record: RecordRef): boolean {
  if (!actor.operationIds.includes(record.operationId)) return false;
  const mine = record.assignedUserId !== undefined && record.assignedUserId !== null && record.assignedUserId === actor.userId;
  switch (actor.scope) {
    case 'operation':
      return true;
    case 'agency':
      // Assignment never crosses agencies (assign-person checks it), so "mine" is inside.
      return actor.agencyId !== null && record.agencyId === actor.agencyId;
    case 'team':
      return mine || (record.teamId !== undefined && record.teamId !== null && actor.teamIds.includes(record.teamId));
    case 'own':
      return mine;
  }
}

/**
 * Verbs whose every use reaches the whole operation (retention anonymises any agency's
 * records): a role holding one is only able to use it with an operation-wide scope, which
 * canForWholeOperation checks at the use case.
 */
export const WHOLE_OPERATION_VERBS: ReadonlySet<Verb> = new Set<Verb>(['retention.manage']);

/** What the web app offers: the role's verbs, less those the user's scope can never use. */
export function abilitiesOf(actor: Pick<Actor, 'role' | 'scope'>): Verb[] {
  return [...ROLE_VERBS[actor.role]].filter((verb) => actor.scope === 'operation' || !WHOLE_OPERATION_VERBS.has(verb));
}

export type { Role, Verb };
