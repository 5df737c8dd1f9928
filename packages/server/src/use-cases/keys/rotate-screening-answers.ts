import { findInstrument, highlySensitiveItemIds, mergeSensitive, shippedInstruments, type SealedPart, type StoredOutcome } from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { screeningAnswersAad, sealScreeningAnswers, type StoredScreeningAnswers } from '../../crypto/screening-answers';
import { open, sealerFor } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { lockScreeningsToSeal, writeSealedScreenings, type ScreeningKey, type SealedScreeningUpdate } from '../../db/screening-seal-repository';
import type { Db } from '../../db/transaction';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';

export interface ScreeningAnswersRotation extends ColumnPass {
  /** Sealed parts under each key after the run. */
  remainingByKey: Record<string, number>;
}

/**
 * Screenings' sealed answers (migration 0012) under the active key, in one pass over the
 * table in primary-key order, a batch per short transaction (`for update skip locked`).
 * The same pass seals what a database from before 0012 still holds in clear: answers to
 * highly sensitive items, and the signals and follow-ups naming them, move out of
 * `responses`/`outcome` into `sealed_answers`, and splits again what was sealed in format 1
 * (before migration 0025), so the overrides, levels and scores that highly sensitive answers
 * raised leave the clear outcome too. A run stopped half-way resumes from the
 * start and finds only what is left; running it again when done changes nothing.
 */
export async function rotateScreeningAnswers(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const batchSize = context.batchSize;
  const sensitive = [...new Set(shippedInstruments.flatMap((instrument) => [...highlySensitiveItemIds(instrument)]))];
  const sealer = sealerFor(ring);
  const summary = emptyPass();
  let after: ScreeningKey | null = null;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const rows = await lockScreeningsToSeal(tx, ring.active, sensitive, after, batchSize);
      const updates: SealedScreeningUpdate[] = [];
      let resealed = 0;
      let sealedFromClear = 0;
      for (const row of rows) {
        if (row.sealed_answers !== null) {
          const opened = open(ring, row.sealed_answers, screeningAnswersAad(row));
          if (!opened.ok) {
            if (opened.error === 'unknown_key') summary.unknownKey++;
            else summary.tampered++;
            continue;
          }
          const instrument = findInstrument(row.instrument_id, row.instrument_version);
          const outcome = row.outcome as StoredOutcome;
          if (outcome.sealedFormat === undefined && instrument) {
            // Format 1: split again, so what the answers raised leaves the clear outcome too.
            const whole = mergeSensitive(instrument, { responses: row.responses, stored: outcome }, JSON.parse(opened.value) as SealedPart);
            const stored = sealScreeningAnswers(sealer, instrument, row, whole.responses, whole.stored);
            if (stored.ok && stored.value.sealed_answers !== null) {
              updates.push(splitOf(row, stored.value));
              resealed++;
              continue;
            }
          }
          updates.push({ ...clearOf(row), sealed_answers: sealer(opened.value, screeningAnswersAad(row)) });
          resealed++;
          continue;
        }
        const instrument = findInstrument(row.instrument_id, row.instrument_version);
        if (!instrument) continue;
        const stored = sealScreeningAnswers(sealer, instrument, row, row.responses, row.outcome as StoredOutcome);
        // The text search is coarse (an item id anywhere in the JSON): only a real split is written.
        if (!stored.ok || stored.value.sealed_answers === null) continue;
        updates.push(splitOf(row, stored.value));
        sealedFromClear++;
      }
      await writeSealedScreenings(tx, updates);
      if (updates.length > 0) {
        await writeAudit(tx, {
          actorId: context.actorId,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'screening',
          resourceId: null,
          details: { resealed, sealedFromClear, keyId: ring.active },
        });
      }
      const last = rows[rows.length - 1];
      return { resealed, sealedFromClear, last: last ? { operationId: last.operation_id, id: last.id } : null };
    });
    summary.resealed += batch.resealed;
    summary.sealedFromClear += batch.sealedFromClear;
    if (!batch.last) break;
    after = batch.last;
  }
  return summary;
}

function splitOf(row: { operation_id: string; id: string }, stored: StoredScreeningAnswers): SealedScreeningUpdate {
  return {
    operation_id: row.operation_id,
    id: row.id,
    responses: stored.responses === null ? null : JSON.stringify(stored.responses),
    outcome: JSON.stringify(stored.outcome),
    sealed_answers: stored.sealed_answers!,
  };
}

function clearOf(row: { operation_id: string; id: string; responses: Record<string, unknown> | null; outcome: unknown }) {
  return { operation_id: row.operation_id, id: row.id, responses: row.responses === null ? null : JSON.stringify(row.responses), outcome: JSON.stringify(row.outcome) };
}
