import { err, ok, type Result } from '@waymark/core';
import type { TraffickingAssessmentRecord } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { openAssessment } from '../../crypto/case-work-sealing';
import type { TraffickingAssessmentRow } from '../../db/schema';
import type { Failure } from '../../failure';
import { mayReadTraffickingFindings, presentTraffickingAssessment, type TraffickingReader } from '../../presenters/trafficking';

/**
 * Assessments as this reader may see them. Sealed findings are opened only for a reader who
 * may read them; for anyone else nothing is opened, so a missing key never stops the outcome
 * (which every case reader sees) from being shown.
 */
export function presentAssessments(ring: KeyRing | undefined, rows: readonly TraffickingAssessmentRow[], reader: TraffickingReader): Result<TraffickingAssessmentRecord[], Failure> {
  const mayRead = mayReadTraffickingFindings(reader);
  const records: TraffickingAssessmentRecord[] = [];
  for (const row of rows) {
    if (!mayRead) {
      records.push(presentTraffickingAssessment(row, reader, null));
      continue;
    }
    const opened = openAssessment(ring, row);
    if (!opened.ok) return err(opened.error);
    records.push(presentTraffickingAssessment(row, reader, opened.value.findings));
  }
  return ok(records);
}
