import type { KeyRing } from '../../crypto/key-ring';
import { countCaseWorkByKey } from '../../db/case-work-seal-repository';
import {
  countSealedValuesByKey,
  holdSealedWrites,
  listSealedColumns,
  replaceRecordedKeyIds,
  sealedColumnName,
  type SealedColumn,
} from '../../db/sealed-columns-repository';
import type { Db } from '../../db/transaction';
import { emptyPass, type ColumnPass } from './column-pass';
import type { CaseWorkRotation } from './rotate-case-work';
import type { ScreeningAnswersRotation } from './rotate-screening-answers';
import { SEALED_COLUMN_ROTATIONS } from './sealed-columns';

/** Passes over a column while values are left that the pass could not lock (held by a writer). */
const MAX_RETRIES = 50;
const RETRY_WAIT_MS = 100;

export interface ColumnOutcome extends ColumnPass {
  /** Values still not under the active key that no pass could reach (rows held by other transactions). */
  skipped: number;
  /** What the final check found: values per key id (`clear`: not sealed). */
  valuesByKey: Record<string, number>;
}

export interface RotationSummary {
  activeKeyId: string;
  /** Protection notes re-sealed under the active key by this run. */
  resealed: number;
  /** Protection notes already under the active key before this run began. */
  alreadyCurrent: number;
  /** Protection notes that could not be opened: their key is missing from the ring, or they were altered. */
  unknownKey: number;
  tampered: number;
  /** Protection notes under each key after the run. */
  remainingByKey: Record<string, number>;
  /** Users' sealed TOTP secrets, re-sealed under the active key. */
  secondFactors: { resealed: number; unopenable: number };
  /** Screenings' sealed highly sensitive answers; and those a database from before sealing held in clear, sealed now. */
  screeningAnswers: ScreeningAnswersRotation;
  /** A child's words in BIDs and trafficking assessments' input and findings (migration 0018). */
  caseWork: CaseWorkRotation;
  /** Every sealed column the schema declares, by `table.column`. */
  columns: Record<string, ColumnOutcome>;
  /** Sealed columns in the schema that rotation has no entry for: left as they are. */
  uncovered: string[];
  /** Every key id some sealed value names, from a check of every sealed value after the run. */
  keysInUse: string[];
  /** Keys of the ring (not the active one) that no sealed value names: proven by that check. */
  removableKeyIds: string[];
  /** Every sealed value is under the active key: nothing skipped, unopenable or not covered. */
  complete: boolean;
}

export interface RotationOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Who runs it: every batch's audit row carries it (null: the console operator). */
  actorId?: string | null;
  /** How many more passes a column gets while rows are held by other transactions (default 50, 0.1 s apart). */
  retries?: number;
}

const notUnderActive = (counts: Map<string, number>, active: string) => [...counts].reduce((sum, [id, n]) => (id === active ? sum : sum + n), 0);

/**
 * Re-seals every value in every sealed column (found from the schema) that is not under the
 * ring's active key, in short batches while the server keeps serving; then checks every
 * sealed value, records the key ids still in use (sealed_key_ids) and says which of the
 * ring's other keys no value needs. Rows held by other transactions are come back for; what
 * still could not be reached is reported, never passed over in silence.
 */
export async function rotateKeys(db: Db, ring: KeyRing, options: RotationOptions = {}): Promise<RotationSummary> {
  const batchSize = options.batchSize ?? 200;
  const actorId = options.actorId ?? null;
  const columns = await listSealedColumns(db);
  const before = new Map<string, Map<string, number>>();
  for (const column of columns) before.set(sealedColumnName(column), await countSealedValuesByKey(db, column));
  const total = [...before.values()].reduce((sum, counts) => sum + notUnderActive(counts, ring.active), 0);
  let done = 0;
  options.onProgress?.(0, total);

  const outcomes: Record<string, ColumnOutcome> = {};
  const uncovered: string[] = [];
  for (const column of columns) {
    const name = sealedColumnName(column);
    const entry = SEALED_COLUMN_ROTATIONS[name];
    if (!entry) {
      uncovered.push(name);
      continue;
    }
    const outcome: ColumnOutcome = { ...emptyPass(), skipped: 0, valuesByKey: {} };
    for (let attempt = 0; ; attempt++) {
      const pass = await entry.rotate(db, ring, {
        batchSize: Math.max(batchSize, entry.minBatch),
        actorId,
        onBatch: (handled: number) => {
          done += handled;
          options.onProgress?.(Math.min(done, total), total);
        },
      });
      outcome.resealed += pass.resealed;
      outcome.sealedFromClear += pass.sealedFromClear;
      // Each pass meets the unopenable values again: the last pass's count is the count.
      outcome.unknownKey = pass.unknownKey;
      outcome.tampered = pass.tampered;
      const left = notUnderActive(await countSealedValuesByKey(db, column), ring.active) - pass.unknownKey - pass.tampered;
      if (left <= 0) break;
      if (attempt >= (options.retries ?? MAX_RETRIES)) {
        outcome.skipped = left;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_WAIT_MS));
    }
    if (name !== 'protection_notes.body_sealed') {
      done += outcome.resealed + outcome.sealedFromClear;
      options.onProgress?.(Math.min(done, total), total);
    }
    outcomes[name] = outcome;
  }

  const keysInUse = await checkEverySealedValue(db, columns, outcomes);
  const unopenable = Object.values(outcomes).reduce((sum, o) => sum + o.unknownKey + o.tampered + o.skipped, 0);
  const stillElsewhere = Object.values(outcomes).some((o) => Object.keys(o.valuesByKey).some((id) => id !== ring.active));
  const notes = outcomes['protection_notes.body_sealed'] ?? { ...emptyPass(), skipped: 0, valuesByKey: {} };
  const column = (name: string) => outcomes[name] ?? { ...emptyPass(), skipped: 0, valuesByKey: {} };
  const plain = ({ resealed, sealedFromClear, unknownKey, tampered }: ColumnPass): ColumnPass => ({ resealed, sealedFromClear, unknownKey, tampered });
  const bids = column('best_interests_determinations.child_views_text');
  const assessments = column('trafficking_assessments.sealed');
  const taskTitles = column('case_tasks.title');
  const totp = column('users.totp_secret_sealed');
  return {
    activeKeyId: ring.active,
    resealed: notes.resealed,
    alreadyCurrent: before.get('protection_notes.body_sealed')?.get(ring.active) ?? 0,
    unknownKey: notes.unknownKey,
    tampered: notes.tampered,
    remainingByKey: notes.valuesByKey,
    secondFactors: { resealed: totp.resealed, unopenable: totp.unknownKey + totp.tampered },
    screeningAnswers: { ...plain(column('screenings.sealed_answers')), remainingByKey: column('screenings.sealed_answers').valuesByKey },
    caseWork: {
      resealed: bids.resealed + assessments.resealed + taskTitles.resealed,
      sealedFromClear: bids.sealedFromClear + assessments.sealedFromClear + taskTitles.sealedFromClear,
      unknownKey: bids.unknownKey + assessments.unknownKey + taskTitles.unknownKey,
      tampered: bids.tampered + assessments.tampered + taskTitles.tampered,
      remainingByKey: Object.fromEntries(await countCaseWorkByKey(db)),
    },
    columns: outcomes,
    uncovered,
    keysInUse,
    removableKeyIds: [...ring.keys.keys()].filter((id) => id !== ring.active && !keysInUse.includes(id)),
    complete: uncovered.length === 0 && unopenable === 0 && !stillElsewhere,
  };
}

/**
 * Counts every value of every sealed column by the key it names, with new sealed writes
 * held for the moment it takes, and makes sealed_key_ids exactly the ids found: only this
 * check can let an id go, so a key is called removable only when no value names it.
 */
async function checkEverySealedValue(db: Db, columns: SealedColumn[], outcomes: Record<string, ColumnOutcome>): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    await holdSealedWrites(tx);
    const found = new Set<string>();
    for (const column of columns) {
      const counts = await countSealedValuesByKey(tx, column);
      const name = sealedColumnName(column);
      outcomes[name] ??= { ...emptyPass(), skipped: 0, valuesByKey: {} };
      outcomes[name].valuesByKey = Object.fromEntries(counts);
      for (const id of counts.keys()) if (id !== 'clear') found.add(id);
    }
    const keysInUse = [...found].sort();
    await replaceRecordedKeyIds(tx, keysInUse);
    return keysInUse;
  });
}
