import { can, canInOperation, mayReadField, ROLE_VERBS, type Actor, type RecordRef, type Verb } from '@waymark/core';

/** May this reader see the SGBV canary planted on a record? */
export function clearedForSgbv(actor: Actor, record: RecordRef): boolean {
  return mayReadField(actor, { sensitivity: 'highly_sensitive', topic: 'sgbv' }, record);
}

/** May this reader see a child's BIA protection concerns (the child canary)? */
export function clearedForChildProtection(actor: Actor, record: RecordRef): boolean {
  return mayReadField(actor, { sensitivity: 'highly_sensitive', topic: 'child_protection' }, record);
}

export function expectedForRecord(actor: Actor, verb: Verb, record: RecordRef): 'allow' | 403 | 404 {
  if (!ROLE_VERBS[actor.role].has(verb)) return 403;
  return can(actor, verb, record) ? 'allow' : 404;
}

export function expectedInOperation(actor: Actor, verb: Verb, operationId: string): 'allow' | 403 {
  return canInOperation(actor, verb, operationId) ? 'allow' : 403;
}

/** Does the role hold the verb at all, whatever the record? */
export const has = (actor: Actor, verb: Verb) => ROLE_VERBS[actor.role].has(verb);
