import { err, FIELD_REGISTRY, mayReadField, ok, type Actor, type RecordRef, type Result } from '@waymark/core';
import type { Bid } from '@waymark/contracts';
import { openBid } from '../../crypto/case-work-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import type { BestInterestsDeterminationRow } from '../../db/schema';
import type { Failure } from '../../failure';
import { presentBid } from '../../presenters/children';

/**
 * BIDs as this reader may see them. The child's sealed words are opened only for a reader
 * who may read them; for anyone else nothing is opened, so the decision (codes and dates)
 * is shown even where the key is missing.
 */
export function presentBids(ring: KeyRing | undefined, rows: readonly BestInterestsDeterminationRow[], reader: { actor: Actor; child: RecordRef }): Result<Bid[], Failure> {
  const mayRead = mayReadField(reader.actor, FIELD_REGISTRY['child.bid.childViews'], reader.child);
  const bids: Bid[] = [];
  for (const row of rows) {
    const opened = mayRead ? openBid(ring, row) : ok(row);
    if (!opened.ok) return err(opened.error);
    bids.push(presentBid(opened.value, reader));
  }
  return ok(bids);
}
