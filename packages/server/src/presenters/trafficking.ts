import { FIELD_REGISTRY, mayReadField, type Actor, type RecordRef, type TraffickingOutcome } from '@waymark/core';
import type { TraffickingAssessmentRecord } from '@waymark/contracts';
import type { TraffickingAssessmentRow } from '../db/schema';

export interface TraffickingReader {
  actor: Actor;
  /** The case (held as its person is): the assigned worker reads on need-to-know. */
  record: RecordRef;
}

/**
 * An explicit allow-list. Every case reader sees the outcome level, so that protection
 * follows; the findings (elements, ILO indicators, stage, exploitation, control methods and
 * the reasons that name them) reach only a reader cleared for the trafficking topic or
 * assigned to the case (mayReadField on `trafficking.findings`).
 */
export function mayReadTraffickingFindings(reader: TraffickingReader): boolean {
  return mayReadField(reader.actor, FIELD_REGISTRY['trafficking.findings'], reader.record);
}

/**
 * `findings` are the opened (or pre-sealing clear) findings, given only when the reader may
 * read them (use-cases/trafficking/present-assessments opens nothing for anyone else).
 */
export function presentTraffickingAssessment(
  row: TraffickingAssessmentRow,
  reader: TraffickingReader,
  findings: NonNullable<TraffickingAssessmentRow['findings']> | null,
): TraffickingAssessmentRecord {
  const mayRead = mayReadTraffickingFindings(reader) && findings !== null;
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    outcome: row.outcome as TraffickingOutcome,
    restricted: !mayRead,
    findings: mayRead && findings
      ? {
          age: findings.age,
          elements: findings.elements,
          iloIndicators: findings.iloIndicators,
          stageReached: findings.stageReached,
          exploitationTypes: findings.exploitationTypes,
          controlMethods: findings.controlMethods,
          reasons: findings.reasons,
        }
      : null,
    assessedBy: row.assessed_by,
    assessedAt: row.assessed_at.toISOString(),
    version: row.version,
  };
}
