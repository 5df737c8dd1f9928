import type { KeyRing } from '../../crypto/key-ring';
import { reseal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { countNotesByKey, lockNotesNotUnderKey, resealProtectionNote } from '../../db/protection-notes-repository';
import type { Db } from '../../db/transaction';
import { noteAad } from '../protection-notes/note-sealing';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';

const MAX_WAITS = 100;

/**
 * Re-seals every protection note not under the active key, a small batch per short
 * transaction: rows are locked with `for update skip locked`, so the server keeps serving
 * (a note being edited is skipped, waited for briefly, and picked up by a later batch), and
 * a run stopped half-way resumes where it stopped, since the query asks only for what is
 * not yet under the active key.
 */
export async function rotateProtectionNotes(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  // Values that will not open stay as they are; remembering them stops the loop asking again.
  const unopenable = new Set<string>();
  let waits = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const rows = (await lockNotesNotUnderKey(tx, ring.active, context.batchSize + unopenable.size)).filter((row) => !unopenable.has(row.id));
      let count = 0;
      let refused = 0;
      for (const row of rows.slice(0, context.batchSize)) {
        const result = reseal(ring, row.body_sealed, noteAad(row));
        if (!result.ok) {
          unopenable.add(row.id);
          refused++;
          if (result.error === 'unknown_key') summary.unknownKey++;
          else summary.tampered++;
          continue;
        }
        await resealProtectionNote(tx, { operationId: row.operation_id, id: row.id }, result.value, ring.active);
        count++;
      }
      if (count > 0) {
        await writeAudit(tx, {
          actorId: context.actorId,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'protection_note',
          resourceId: null,
          details: { resealed: count, keyId: ring.active },
        });
      }
      return { count, refused, seen: rows.length };
    });
    summary.resealed += done.count;
    context.onBatch?.(done.count + done.refused);
    if (done.seen > 0) continue;
    // Nothing left that this run could lock: finished, unless rows are held by other
    // transactions right now (an edit in progress); those are waited for, briefly.
    const left = [...(await countNotesByKey(db)).entries()].reduce((sum, [id, n]) => (id === ring.active ? sum : sum + n), 0);
    if (left <= unopenable.size || ++waits > MAX_WAITS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return summary;
}
