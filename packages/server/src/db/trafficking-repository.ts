import type { Insertable } from 'kysely';
import type { TraffickingAssessmentRow, TraffickingAssessmentsTable } from './schema';
import type { Db, Tx } from './transaction';

export type NewTraffickingAssessmentRow = Insertable<TraffickingAssessmentsTable>;

export async function insertTraffickingAssessment(tx: Tx, row: NewTraffickingAssessmentRow): Promise<TraffickingAssessmentRow> {
  return tx.insertInto('trafficking_assessments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A case's assessments, newest first: the first is the current one, the rest its history. */
export async function listTraffickingAssessments(db: Db | Tx, operationId: string, caseId: string): Promise<TraffickingAssessmentRow[]> {
  return db
    .selectFrom('trafficking_assessments')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .orderBy('assessed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The notes an assessment cites as evidence (migration 0050); a note cited twice is one row. */
export async function insertEvidenceCitations(tx: Tx, rows: ReadonlyArray<{ operation_id: string; assessment_id: string; note_id: string; case_id: string }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('trafficking_evidence_citations').values([...rows]).onConflict((conflict) => conflict.doNothing()).execute();
}

/** Which assessments cite each of these notes: the notes' back-references. */
export async function listCitationsOfNotes(db: Db | Tx, operationId: string, noteIds: readonly string[]): Promise<Map<string, Array<{ assessmentId: string; caseId: string }>>> {
  const cited = new Map<string, Array<{ assessmentId: string; caseId: string }>>();
  if (noteIds.length === 0) return cited;
  const rows = await db
    .selectFrom('trafficking_evidence_citations')
    .select(['note_id', 'assessment_id', 'case_id'])
    .where('operation_id', '=', operationId)
    .where('note_id', 'in', [...noteIds])
    .orderBy('assessment_id')
    .execute();
  for (const row of rows) cited.set(row.note_id, [...(cited.get(row.note_id) ?? []), { assessmentId: row.assessment_id, caseId: row.case_id }]);
  return cited;
}
