import type { Consent } from '@waymark/contracts';
import type { ConsentRecord } from '@waymark/core';
import type { ConsentRow } from '../db/schema';

/** The stored decision as the rules read it (values were checked by the database on the way in). */
export function consentRecordOf(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    purpose: row.purpose as ConsentRecord['purpose'],
    recipientAgencyId: row.recipient_agency_id,
    decision: row.decision as ConsentRecord['decision'],
    method: row.method as ConsentRecord['method'],
    givenBy: row.given_by as ConsentRecord['givenBy'],
    carerRelationship: row.carer_relationship as ConsentRecord['carerRelationship'],
    childAssent: row.child_assent as ConsentRecord['childAssent'],
    assentMethod: row.assent_method as ConsentRecord['assentMethod'],
    effectiveAt: row.effective_at,
    recordedAt: row.recorded_at,
  };
}

/** An explicit allow-list of what the API shows of a decision. */
export function presentConsent(row: ConsentRow): Consent {
  const record = consentRecordOf(row);
  return {
    id: row.id,
    personId: row.person_id,
    purpose: record.purpose,
    recipientAgencyId: record.recipientAgencyId,
    decision: record.decision,
    method: record.method,
    givenBy: record.givenBy,
    carerRelationship: record.carerRelationship,
    childAssent: record.childAssent,
    assentMethod: record.assentMethod,
    effectiveAt: row.effective_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}
