import { createHash, randomBytes } from 'node:crypto';

/**
 * The one definition of what an audit entry's hash covers, used by the writer and the
 * verifier alike. Migration 0007 computes the same bytes in SQL for entries written before
 * the chain existed: change nothing here without a new FORMAT and a migration.
 */
export const AUDIT_HASH_FORMAT = 'waymark-audit-v1';

/** Every field an entry's hash covers, as stored. */
export interface ChainedEntry {
  chain: string;
  seq: number;
  prevHash: Buffer | null;
  /** ISO 8601 UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it. */
  at: string;
  operationId: string | null;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details: unknown;
  ip: string | null;
  reason: string | null;
  outcome: string;
}

/** The chain an entry joins: its operation's, or the one for entries outside any operation. */
export function chainOf(operationId: string | null): string {
  return operationId ?? 'global';
}

/**
 * A JSON array with no whitespace, fields in a fixed order, object keys sorted by their
 * UTF-8 bytes (what `collate "C"` sorts by in SQL), so the same entry always gives the
 * same bytes.
 */
export function canonicalEntry(entry: ChainedEntry): string {
  return canonicalJson([
    AUDIT_HASH_FORMAT,
    entry.chain,
    entry.seq,
    entry.prevHash ? entry.prevHash.toString('hex') : null,
    entry.at,
    entry.operationId,
    entry.actorId,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.details,
    entry.ip,
    entry.reason,
    entry.outcome,
  ]);
}

export function hashEntry(entry: ChainedEntry): Buffer {
  return createHash('sha256').update(canonicalEntry(entry), 'utf8').digest();
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    const record = value as Record<string, unknown>;
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Details as the database will give them back: jsonb drops undefined members and turns
 * non-finite numbers into null, so the writer hashes what the verifier will read.
 */
export function storedDetails(details: Record<string, unknown> | undefined): unknown {
  return JSON.parse(JSON.stringify(details ?? {})) as unknown;
}

/** Marks a reason held as a commitment (migration 0030); older entries hold their words. */
export const REASON_COMMITMENT_PREFIX = 'sha256:';

/**
 * What the chain keeps of a reason: a commitment to its words under a random nonce. The
 * words and the nonce go to `audit_reasons`, which erasure may delete; the chain still
 * verifies, and holding the words and the nonce proves them.
 */
export function commitToReason(reason: string, nonce: Buffer = randomBytes(16)): { nonce: Buffer; commitment: string } {
  const digest = createHash('sha256').update(nonce).update(reason, 'utf8').digest('hex');
  return { nonce, commitment: `${REASON_COMMITMENT_PREFIX}${digest}` };
}
