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
