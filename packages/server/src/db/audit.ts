import type { Tx } from './transaction';

export interface AuditEvent {
  actorId: string | null;
  operationId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** Ids, codes and counts only: never names, answers or narrative. */
  details?: Record<string, string | number | boolean | null>;
}

export async function writeAudit(tx: Tx, event: AuditEvent): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      actor_id: event.actorId,
      operation_id: event.operationId,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
