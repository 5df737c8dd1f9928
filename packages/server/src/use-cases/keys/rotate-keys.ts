import type { KeyRing } from '../../crypto/key-ring';
import { reseal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { countNotesByKey, lockNotesNotUnderKey, resealProtectionNote } from '../../db/protection-notes-repository';
import type { Db } from '../../db/transaction';
import { noteAad } from '../protection-notes/note-sealing';
import { rotateCaseWork, type CaseWorkRotation } from './rotate-case-work';
import { rotateScreeningAnswers, type ScreeningAnswersRotation } from './rotate-screening-answers';
import { rotateTotpSecrets, type TotpRotation } from './rotate-totp-secrets';

const MAX_WAITS = 100;

export interface RotationSummary {
  activeKeyId: string;
  /** Sealed values re-sealed under the active key by this run. */
  resealed: number;
  /** Values already under the active key before this run began. */
  alreadyCurrent: number;
  /** Values that could not be opened: their key is missing from the ring, or they were altered. */
  unknownKey: number;
  tampered: number;
  /** Values under each key after the run; a key with none left may be removed from the ring. */
  remainingByKey: Record<string, number>;
  /** Users' sealed TOTP secrets, re-sealed under the active key. */
  secondFactors: TotpRotation;
  /**
   * Screenings' sealed highly sensitive answers, re-sealed under the active key; and those
   * a database from before sealing held in clear, sealed now.
   */
  screeningAnswers: ScreeningAnswersRotation;
  /** A child's words in BIDs and trafficking assessments' input and findings (migration 0018). */
  caseWork: CaseWorkRotation;
}

export interface RotationOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Re-seals every protection note not under the active key, a small batch per short
 * transaction: rows are locked with `for update skip locked`, so the server keeps
 * serving (a note being edited is skipped and picked up by a later batch), and a run
 * stopped half-way resumes where it stopped, since the query asks only for what is
 * not yet under the active key. Running it again when done changes nothing.
 */
export async function rotateKeys(db: Db, ring: KeyRing, options: RotationOptions = {}): Promise<RotationSummary> {
  const batchSize = options.batchSize ?? 200;
  const before = await countNotesByKey(db);
  const alreadyCurrent = before.get(ring.active) ?? 0;
  const total = [...before.values()].reduce((sum, n) => sum + n, 0) - alreadyCurrent;
  // Values that will not open stay as they are; remembering them stops the loop asking again.
  const unopenable = new Set<string>();
  let resealed = 0;
  let unknownKey = 0;
  let tampered = 0;
  let waits = 0;
  options.onProgress?.(0, total);
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const rows = (await lockNotesNotUnderKey(tx, ring.active, batchSize + unopenable.size)).filter(
        (row) => !unopenable.has(row.id),
      );
      let count = 0;
      for (const row of rows.slice(0, batchSize)) {
        const result = reseal(ring, row.body_sealed, noteAad(row));
        if (!result.ok) {
          unopenable.add(row.id);
          if (result.error === 'unknown_key') unknownKey++;
          else tampered++;
          continue;
        }
        await resealProtectionNote(tx, { operationId: row.operation_id, id: row.id }, result.value, ring.active);
        count++;
      }
      if (count > 0) {
        await writeAudit(tx, {
          actorId: null,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'protection_note',
          resourceId: null,
          details: { resealed: count, keyId: ring.active },
        });
      }
      return { count, seen: rows.length };
    });
    resealed += done.count;
    options.onProgress?.(Math.min(resealed + unknownKey + tampered, total), total);
    if (done.seen > 0) continue;
    // Nothing left that this run could lock: finished, unless rows are held by other
    // transactions right now (an edit in progress); those are waited for, briefly.
    const left = [...(await countNotesByKey(db)).entries()].reduce((sum, [id, n]) => (id === ring.active ? sum : sum + n), 0);
    if (left <= unopenable.size || ++waits > MAX_WAITS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const after = await countNotesByKey(db);
  const secondFactors = await rotateTotpSecrets(db, ring, batchSize);
  // Many more rows than notes: larger batches, still one short transaction each.
  const screeningAnswers = await rotateScreeningAnswers(db, ring, Math.max(batchSize, 1_000));
  const caseWork = await rotateCaseWork(db, ring, Math.max(batchSize, 500));
  return {
    activeKeyId: ring.active,
    resealed,
    alreadyCurrent,
    unknownKey,
    tampered,
    remainingByKey: Object.fromEntries(after),
    secondFactors,
    screeningAnswers,
    caseWork,
  };
}
