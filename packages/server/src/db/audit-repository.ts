import { sql, type Expression, type SqlBool } from 'kysely';
import { REASON_COMMITMENT_PREFIX, type ChainedEntry } from '../audit-hash';
import type { Db } from './transaction';

export interface StoredChainEntry extends ChainedEntry {
  hash: Buffer;
}

// The timestamp as text, formatted by the database exactly as migration 0007 sealed the
// entries before the chain; a JS Date parsed from microseconds could be off by one.
const AT_ISO = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every entry of every chain, in (chain, seq) order, a batch at a time: keyset paging on
 * the unique (chain, seq) index, so a million entries never sit in memory together.
 */
export async function* chainEntryBatches(db: Db, batchSize: number): AsyncGenerator<StoredChainEntry[]> {
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const batch: StoredChainEntry[] = await chainEntriesAfter(db, after, batchSize);
    if (batch.length === 0) return;
    yield batch;
    const last = batch[batch.length - 1]!;
    after = { chain: last.chain, seq: last.seq };
  }
}

async function chainEntriesAfter(db: Db, after: { chain: string; seq: number } | null, limit: number): Promise<StoredChainEntry[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select([
      'chain',
      'seq',
      'prev_hash',
      'hash',
      AT_ISO.as('at_iso'),
      'operation_id',
      'actor_id',
      'action',
      'resource_type',
      'resource_id',
      'details',
      'ip',
      'reason',
      'outcome',
    ])
    .$if(after !== null, (qb) => qb.where(({ eb, refTuple, tuple }) => eb(refTuple('chain', 'seq'), '>', tuple(after!.chain, after!.seq))))
    .orderBy('chain')
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    chain: row.chain,
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    at: row.at_iso,
    operationId: row.operation_id,
    actorId: row.actor_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: row.details,
    ip: row.ip,
    reason: row.reason,
    outcome: row.outcome,
  }));
}

export interface AuditSearch {
  /** The operations whose entries the reader may see. */
  operationIds: readonly string[];
  operationId?: string;
  actorId?: string;
  actionPrefix?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  /** Entries with a smaller id than this (the last one of the previous page). */
  beforeId?: string;
  limit: number;
}

export interface AuditRow {
  id: string;
  chain: string;
  seq: number;
  hash: Buffer;
  at: Date;
  operation_id: string | null;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  reason: string | null;
  outcome: string;
}

/**
 * Newest first, within the reader's operations: their operations' entries, plus entries
 * outside any operation (sign-ins, password changes) made by people of those operations.
 */
export async function searchAuditEvents(db: Db, search: AuditSearch): Promise<AuditRow[]> {
  if (search.operationIds.length === 0) return [];
  const operationIds = [...search.operationIds];
  const rows = await db
    .selectFrom('audit_events')
    .select(['id', 'chain', 'seq', 'hash', 'at', 'operation_id', 'actor_id', 'action', 'resource_type', 'resource_id', 'details', 'ip', 'outcome'])
    // The words of a reason, from beside the trail (migration 0030); null once erased.
    .select(
      sql<string | null>`case when starts_with(audit_events.reason, ${REASON_COMMITMENT_PREFIX})
        then (select r.reason from audit_reasons r where r.chain = audit_events.chain and r.seq = audit_events.seq)
        else audit_events.reason end`.as('reason'),
    )
    .where(({ eb, or, and, exists, selectFrom }) => {
      const conditions: Expression<SqlBool>[] = [
        search.operationId
          ? eb('operation_id', '=', search.operationId)
          : or([
              eb('operation_id', 'in', operationIds),
              and([
                eb('operation_id', 'is', null),
                exists(
                  selectFrom('user_operations as uo')
                    .select('uo.user_id')
                    .whereRef('uo.user_id', '=', 'audit_events.actor_id')
                    .where('uo.operation_id', 'in', operationIds),
                ),
              ]),
            ]),
      ];
      if (search.actorId) conditions.push(eb('actor_id', '=', search.actorId));
      // starts_with, not LIKE: no wildcard in the filter can widen it.
      if (search.actionPrefix) conditions.push(sql<SqlBool>`starts_with(action, ${search.actionPrefix})`);
      if (search.resourceType) conditions.push(eb('resource_type', '=', search.resourceType));
      if (search.resourceId) conditions.push(eb('resource_id', '=', search.resourceId));
      if (search.from) conditions.push(eb('at', '>=', new Date(search.from)));
      if (search.to) conditions.push(eb('at', '<', new Date(search.to)));
      if (search.beforeId) conditions.push(eb('id', '<', search.beforeId));
      return and(conditions);
    })
    .orderBy('id', 'desc')
    .limit(search.limit)
    .execute();
  return rows.map((row) => ({ ...row, id: String(row.id), seq: Number(row.seq) }));
}
