import { sql } from 'kysely';
import type { BestInterestsAssessmentRow, BestInterestsDeterminationRow, CaseTaskRow, TraffickingAssessmentRow } from './schema';
import type { Db, Tx } from './transaction';

export interface RowKey {
  operationId: string;
  id: string;
}

/** Rows after `key` in primary-key order (all rows when null): the batches of a key rotation. */
export const after = (key: RowKey | null) => sql`(${key === null} or (operation_id, id) > (${key?.operationId ?? null}::uuid, ${key?.id ?? null}::uuid))`;

/**
 * The next BIDs (primary-key order after `key`) whose child's words are sealed under another
 * key than the active one, or held in clear (written before migration 0018). Rows another
 * transaction holds are skipped; a later run takes them.
 */
export async function lockBidsToSeal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<BestInterestsDeterminationRow[]> {
  const { rows } = await sql<BestInterestsDeterminationRow>`
    select * from best_interests_determinations
     where child_views_text is not null and ${after(key)} and (child_views_clear or child_views_text not like ${`v1:${activeKeyId}:%`})
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeBidViews(tx: Tx, key: RowKey, sealed: string): Promise<void> {
  await tx.updateTable('best_interests_determinations').set({ child_views_text: sealed, child_views_clear: false }).where('operation_id', '=', key.operationId).where('id', '=', key.id).execute();
}

/** As lockBidsToSeal, for BIA sections (migration 0043: always sealed, so only other keys). */
export async function lockBiasToSeal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<BestInterestsAssessmentRow[]> {
  const { rows } = await sql<BestInterestsAssessmentRow>`
    select * from best_interests_assessments
     where content_sealed is not null and ${after(key)} and content_sealed not like ${`v1:${activeKeyId}:%`}
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeBiaContentSealed(tx: Tx, key: RowKey, sealed: string): Promise<void> {
  await tx.updateTable('best_interests_assessments').set({ content_sealed: sealed }).where('operation_id', '=', key.operationId).where('id', '=', key.id).execute();
}

/** As lockBidsToSeal, for trafficking assessments: sealed under another key, or still in clear. */
export async function lockAssessmentsToSeal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<TraffickingAssessmentRow[]> {
  const { rows } = await sql<TraffickingAssessmentRow>`
    select * from trafficking_assessments
     where ${after(key)} and (sealed is null or sealed not like ${`v1:${activeKeyId}:%`})
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeSealedAssessment(tx: Tx, key: RowKey, sealed: string): Promise<void> {
  await tx
    .updateTable('trafficking_assessments')
    .set({ sealed, input: null, findings: null })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .execute();
}

/**
 * As lockBidsToSeal, for tasks with a highly sensitive topic (migration 0025): a title sealed
 * under another key, or still in clear.
 */
export async function lockTopicTasksToSeal(tx: Tx, activeKeyId: string, key: RowKey | null, limit: number): Promise<CaseTaskRow[]> {
  const { rows } = await sql<CaseTaskRow>`
    select * from case_tasks
     where topic is not null and ${after(key)} and title not like ${`v1:${activeKeyId}:%`}
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export async function writeTaskWords(tx: Tx, key: RowKey, sealed: string): Promise<void> {
  await tx.updateTable('case_tasks').set({ title: sealed, created_from: null }).where('operation_id', '=', key.operationId).where('id', '=', key.id).execute();
}

/** Sealed values per key id, all three tables together; clear values count under `clear`. */
export async function countCaseWorkByKey(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ key_id: string; n: string }>`
    select key_id, count(*) as n from (
      select case when child_views_clear then 'clear' else split_part(child_views_text, ':', 2) end as key_id
        from best_interests_determinations where child_views_text is not null
      union all
      select coalesce(split_part(sealed, ':', 2), 'clear') from trafficking_assessments
      union all
      select case when title like 'v1:%' then split_part(title, ':', 2) else 'clear' end from case_tasks where topic is not null
    ) sealed group by key_id order by key_id`.execute(db);
  return new Map(rows.map((row) => [row.key_id, Number(row.n)]));
}
