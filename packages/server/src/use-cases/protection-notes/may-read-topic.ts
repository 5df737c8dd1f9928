import { mayReadField, type Actor, type RecordRef } from '@waymark/core';
import type { ProtectionNoteTopic } from '@waymark/contracts';

/**
 * The one place protection-note use cases ask "may this actor read this topic on this
 * record?": the rule book's field clearance for a highly sensitive topic (the role's
 * topics, or need-to-know as the person's assigned worker). Reaching the person at all is
 * `can(…, record)`, checked by the caller; this decides body versus `restricted: true`.
 */
export function mayReadTopic(actor: Actor, topic: ProtectionNoteTopic, record: RecordRef): boolean {
  return mayReadField(actor, { sensitivity: 'highly_sensitive', topic }, record);
}
