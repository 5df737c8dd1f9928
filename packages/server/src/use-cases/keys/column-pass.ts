import type { KeyRing } from '../../crypto/key-ring';
import type { Db } from '../../db/transaction';

/** What one pass over one sealed column did. */
export interface ColumnPass {
  /** Values re-sealed under the active key. */
  resealed: number;
  /** Values found in clear (written before that column was sealed), sealed now. */
  sealedFromClear: number;
  /** Values that name a key the ring lacks. */
  unknownKey: number;
  /** Values that failed their integrity check. */
  tampered: number;
}

export interface PassContext {
  batchSize: number;
  /** Who runs the rotation: every batch's audit row carries it (null: the console operator). */
  actorId: string | null;
  /** Told after each batch how many values it handled, for a progress bar. */
  onBatch?: (handled: number) => void;
}

/**
 * Re-seals one sealed column's values not under the ring's active key, a batch per short
 * transaction (`for update skip locked`); rows held by other transactions are left for the
 * caller to come back for. Running it again when done changes nothing.
 */
export type ColumnRotator = (db: Db, ring: KeyRing, context: PassContext) => Promise<ColumnPass>;

export const emptyPass = (): ColumnPass => ({ resealed: 0, sealedFromClear: 0, unknownKey: 0, tampered: 0 });
