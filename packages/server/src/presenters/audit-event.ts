import type { AuditEvent } from '@waymark/contracts';
import type { AuditRow } from '../db/audit-repository';

export function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    chain: row.chain,
    seq: row.seq,
    hash: row.hash.toString('hex'),
    at: row.at.toISOString(),
    operationId: row.operation_id,
    actorId: row.actor_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: row.details,
    ip: row.ip,
    reason: row.reason,
    outcome: row.outcome === 'refused' ? 'refused' : 'allowed',
  };
}

/**
 * Every id a page of entries could name a member of staff by: the actor, a user resource,
 * and any id in the details (an assignment's from and to, a task's owner). Ids of people,
 * cases and the rest are asked for too but name no user, so they stay ids.
 */
export function staffNamedIn(rows: readonly StaffNamingRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.actor_id !== null) ids.add(row.actor_id);
    if (row.resource_type === 'user' && row.resource_id !== null && row.resource_id !== undefined) ids.add(row.resource_id);
    for (const value of Object.values(row.details)) if (typeof value === 'string' && UUID.test(value)) ids.add(value);
  }
  return [...ids];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StaffNamingRow {
  actor_id: string | null;
  resource_type?: string;
  resource_id?: string | null;
  details: Record<string, unknown>;
}
