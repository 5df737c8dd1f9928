import type { KeyRing } from '../../crypto/key-ring';
import { bidViewsAad, openAssessment, openTaskWords, sealAssessment, sealTaskWords } from '../../crypto/case-work-sealing';
import { keyIdOf, open, seal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { biaContentAad } from '../../crypto/bia-content-sealing';
import {
  lockAssessmentsToSeal,
  lockBiasToSeal,
  lockBidsToSeal,
  lockTopicTasksToSeal,
  writeBiaContentSealed,
  writeBidViews,
  writeTaskWords,
  writeSealedAssessment,
  type RowKey,
} from '../../db/case-work-seal-repository';
import type { Db, Tx } from '../../db/transaction';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';

export interface CaseWorkRotation extends ColumnPass {
  /** Values under each key after the run (`clear`: none should remain). */
  remainingByKey: Record<string, number>;
}

type Outcome = 'resealed' | 'sealedFromClear' | 'unknownKey' | 'tampered';

/** One table, one pass in primary-key order, a batch per short transaction (identity documents' numbers use it too). */
export async function pass<R extends { operation_id: string; id: string }>(
  db: Db,
  lock: (tx: Tx, key: RowKey | null) => Promise<R[]>,
  handle: (tx: Tx, row: R) => Promise<Outcome>,
  resourceType: string,
  ring: KeyRing,
  summary: ColumnPass,
  actorId: string | null,
): Promise<void> {
  let key: RowKey | null = null;
  for (;;) {
    const last = await db.transaction().execute(async (tx) => {
      const rows = await lock(tx, key);
      const counts = { resealed: 0, sealedFromClear: 0 };
      for (const row of rows) {
        const outcome = await handle(tx, row);
        if (outcome === 'resealed' || outcome === 'sealedFromClear') counts[outcome]++;
        else summary[outcome]++;
      }
      if (counts.resealed + counts.sealedFromClear > 0) {
        await writeAudit(tx, { actorId, operationId: null, action: 'keys.rotate_batch', resourceType, resourceId: null, details: { ...counts, keyId: ring.active } });
      }
      summary.resealed += counts.resealed;
      summary.sealedFromClear += counts.sealedFromClear;
      const end = rows[rows.length - 1];
      return end ? { operationId: end.operation_id, id: end.id } : null;
    });
    if (!last) return;
    key = last;
  }
}

/**
 * A child's words in BIDs (migration 0018) under the active key. Values from before 0018,
 * still in clear, are sealed by the same pass. Values that will not open stay as they are
 * and are counted. Running it again when done changes nothing.
 */
export async function rotateBidViews(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  await pass(
    db,
    (tx, key) => lockBidsToSeal(tx, ring.active, key, context.batchSize),
    async (tx, row) => {
      const stored = row.child_views_text!;
      // The row says whether its words are clear (migration 0036), not their first characters.
      if (row.child_views_clear) {
        await writeBidViews(tx, { operationId: row.operation_id, id: row.id }, seal(ring, stored, bidViewsAad(row)));
        return 'sealedFromClear';
      }
      const opened = open(ring, stored, bidViewsAad(row));
      if (!opened.ok) return opened.error === 'unknown_key' ? 'unknownKey' : 'tampered';
      await writeBidViews(tx, { operationId: row.operation_id, id: row.id }, seal(ring, opened.value, bidViewsAad(row)));
      return 'resealed';
    },
    'best_interests_determination',
    ring,
    summary,
    context.actorId,
  );
  return summary;
}

/** A BIA's sections (migration 0043), as rotateBidViews; they were never held in clear. */
export async function rotateBiaContent(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  await pass(
    db,
    (tx, key) => lockBiasToSeal(tx, ring.active, key, context.batchSize),
    async (tx, row) => {
      const opened = open(ring, row.content_sealed!, biaContentAad(row));
      if (!opened.ok) return opened.error === 'unknown_key' ? 'unknownKey' : 'tampered';
      await writeBiaContentSealed(tx, { operationId: row.operation_id, id: row.id }, seal(ring, opened.value, biaContentAad(row)));
      return 'resealed';
    },
    'best_interests_assessment',
    ring,
    summary,
    context.actorId,
  );
  return summary;
}

/** Trafficking assessments' input and findings (migration 0018), as rotateBidViews. */
export async function rotateAssessments(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  await pass(
    db,
    (tx, key) => lockAssessmentsToSeal(tx, ring.active, key, context.batchSize),
    async (tx, row) => {
      const opened = openAssessment(ring, row);
      if (!opened.ok) return opened.error.code === 'encryption_unavailable' ? 'unknownKey' : 'tampered';
      const { input, findings } = opened.value;
      await writeSealedAssessment(tx, { operationId: row.operation_id, id: row.id }, sealAssessment(ring, row, { input, findings }));
      return row.sealed === null ? 'sealedFromClear' : 'resealed';
    },
    'trafficking_assessment',
    ring,
    summary,
    context.actorId,
  );
  return summary;
}


/**
 * Titles of tasks copied from a highly sensitive action (migration 0025), sealed in place
 * in `case_tasks.title`; titles from before 0025, still in clear, are sealed by the same
 * pass. Only rows with a topic are sealed (migration 0033 declares the column so).
 */
export async function rotateTopicTaskTitles(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  await pass(
    db,
    (tx, key) => lockTopicTasksToSeal(tx, ring.active, key, context.batchSize),
    async (tx, row) => {
      const opened = openTaskWords(ring, row);
      if (!opened.ok) return opened.error === 'unknown_key' ? 'unknownKey' : 'tampered';
      await writeTaskWords(tx, { operationId: row.operation_id, id: row.id }, sealTaskWords(ring, row, opened.value));
      return keyIdOf(row.title) === undefined ? 'sealedFromClear' : 'resealed';
    },
    'case_task',
    ring,
    summary,
    context.actorId,
  );
  return summary;
}
