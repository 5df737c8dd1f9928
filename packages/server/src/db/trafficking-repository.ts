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
