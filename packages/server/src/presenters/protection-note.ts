import type { ProtectionNote, ProtectionNoteTopic } from '@waymark/contracts';
import type { ProtectionNoteRow } from '../db/schema';

/** A note its reader is cleared for: an explicit allow-list, body already opened. */
export function presentProtectionNote(row: ProtectionNoteRow, body: string, citedBy: ReadonlyArray<{ assessmentId: string; caseId: string }> = []): ProtectionNote {
  return {
    id: row.id,
    topic: row.topic as ProtectionNoteTopic,
    restricted: false,
    personId: row.person_id,
    body,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    citedBy: citedBy.map((citation) => ({ assessmentId: citation.assessmentId, caseId: citation.caseId })),
  };
}

/** That the section exists, and when it last changed: never its body or who wrote it. */
export function presentRestrictedNote(row: ProtectionNoteRow): ProtectionNote {
  return { id: row.id, topic: row.topic as ProtectionNoteTopic, restricted: true, updatedAt: row.updated_at.toISOString() };
}
