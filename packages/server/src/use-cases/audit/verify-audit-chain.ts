import { hashEntry } from '../../audit-hash';
import { chainEntryBatches } from '../../db/audit-repository';
import type { Db } from '../../db/transaction';

export type ChainBreakKind =
  /** A position is missing: an entry was removed (or its seq changed). */
  | 'missing_entry'
  /** The entry does not point at the one before it: removed, inserted or reordered. */
  | 'broken_link'
  /** The entry's stored hash is not the hash of its contents: it was edited. */
  | 'edited_entry';

export interface ChainBreak {
  chain: string;
  /** The first position where the chain stops being what was written. */
  seq: number;
  kind: ChainBreakKind;
}

/** The last entry of a chain: record it elsewhere to detect a later truncation. */
export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export interface ChainVerification {
  entries: number;
  heads: ChainHead[];
  /** The first break of each broken chain, in chain order; empty when all is intact. */
  breaks: ChainBreak[];
}

const BATCH = 2_000;

/**
 * Walks every chain in order and recomputes each entry's hash. After a chain's first break
 * the rest of it is not judged (every later link would look broken too), but its head is
 * still reported.
 */
export async function verifyAuditChain(db: Db, options: { batchSize?: number; visible?: (chain: string) => boolean } = {}): Promise<ChainVerification> {
  const heads: ChainHead[] = [];
  const breaks: ChainBreak[] = [];
  let entries = 0;
  let chain: string | null = null;
  let expectedSeq = 1;
  let previous: Buffer | null = null;
  let broken = false;

  for await (const batch of chainEntryBatches(db, options.batchSize ?? BATCH)) {
    for (const entry of batch) {
      // Chains of operations the reader is not in are neither judged nor shown, not even their heads.
      if (options.visible && !options.visible(entry.chain)) continue;
      entries += 1;
      if (entry.chain !== chain) {
        chain = entry.chain;
        expectedSeq = 1;
        previous = null;
        broken = false;
        heads.push({ chain, seq: 0, hash: '' });
      }
      const head = heads[heads.length - 1]!;
      head.seq = entry.seq;
      head.hash = entry.hash.toString('hex');
      if (broken) continue;
      const kind = breakOf(entry, expectedSeq, previous);
      if (kind) {
        breaks.push({ chain, seq: kind === 'missing_entry' ? expectedSeq : entry.seq, kind });
        broken = true;
        continue;
      }
      expectedSeq = entry.seq + 1;
      previous = entry.hash;
    }
  }
  return { entries, heads, breaks };
}

function breakOf(
  entry: Parameters<typeof hashEntry>[0] & { hash: Buffer },
  expectedSeq: number,
  previous: Buffer | null,
): ChainBreakKind | null {
  if (entry.seq > expectedSeq) return 'missing_entry';
  // A position taken twice (only possible with the unique index dropped).
  if (entry.seq < expectedSeq) return 'broken_link';
  const linked = previous === null ? entry.prevHash === null : entry.prevHash !== null && previous.equals(entry.prevHash);
  if (!linked) return 'broken_link';
  if (!hashEntry(entry).equals(entry.hash)) return 'edited_entry';
  return null;
}
