import type { PersonExport } from '@waymark/contracts';
import type { PersonAuditRow } from '../../db/person-export-repository';
import type { ConsentRow } from '../../db/schema';

/** A consent decision: what was decided, how and when; the recorder by id only. */
export function presentConsentForExport(row: ConsentRow): PersonExport['consents'][number] {
  return {
    id: row.id,
    purpose: row.purpose,
    recipientAgencyId: row.recipient_agency_id,
    decision: row.decision,
    method: row.method,
    givenBy: row.given_by,
    carerRelationship: row.carer_relationship,
    childAssent: row.child_assent,
    effectiveAt: new Date(row.effective_at).toISOString(),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** Who acted and when, by staff id and role; audit details hold ids, codes and counts only. */
export function presentExportAudit(row: PersonAuditRow): PersonExport['audit'][number] {
  return {
    at: new Date(row.at).toISOString(),
    action: row.action,
    resourceType: row.resource_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    outcome: row.outcome,
    details: row.details,
  };
}
