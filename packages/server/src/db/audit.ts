import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { chainOf, commitToReason, hashEntry, storedDetails, type ChainedEntry } from '../audit-hash';
import { currentOrigin } from '../request-origin';
import type { Tx } from './transaction';

export interface AuditEvent {
  actorId: string | null;
  operationId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** Ids, codes and counts only: never names, answers or narrative. */
  details?: Record<string, string | number | boolean | null>;
  /** The client's address, when the event came from a request. */
  ip?: string | null;
  /**
   * Why, where the action requires a reason. The words go to `audit_reasons`, outside the
   * append-only trail, so that erasure can reach them; the chain holds a commitment.
   */
  reason?: string | null;
  /** A refusal is audited too; the default is 'allowed'. */
  outcome?: 'allowed' | 'refused';
  /** When it happened; now unless given. */
  at?: Date;
}

type Run = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

// Any constant works: it only has to be the same for every Waymark process. The second
// key is the chain, so writers of different operations never wait for each other.
const AUDIT_CHAIN_LOCK = 7_302_915;

/** Appends the event to its chain inside the caller's transaction. */
export async function writeAudit(tx: Tx, event: AuditEvent): Promise<void> {
  await appendToChain(async (text, params) => (await tx.executeQuery(CompiledQuery.raw(text, params))).rows as Array<Record<string, unknown>>, event);
}

/** The same, for bulk paths that hold a raw client inside their own `begin … commit`. */
export async function writeAuditWithClient(client: pg.PoolClient, event: AuditEvent): Promise<void> {
  await appendToChain(async (text, params) => (await client.query(text, params)).rows as Array<Record<string, unknown>>, event);
}

async function appendToChain(run: Run, event: AuditEvent): Promise<void> {
  // Hash what the database will store: uuids come back in lower case.
  const lower = (id: string | null) => (id === null ? null : id.toLowerCase());
  const operationId = lower(event.operationId);
  const chain = chainOf(operationId);
  // Writers of one chain take turns until they commit, so each reads the true head.
  await run('select pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_CHAIN_LOCK, chain]);
  const [head] = await run('select seq, hash from audit_events where chain = $1 order by seq desc limit 1', [chain]);
  // Milliseconds only: what timestamptz keeps of a JS Date exactly.
  const at = event.at ?? new Date();
  const reason = event.reason === undefined || event.reason === null ? null : commitToReason(event.reason);
  const entry: ChainedEntry = {
    chain,
    seq: head ? Number(head.seq) + 1 : 1,
    prevHash: head ? (head.hash as Buffer) : null,
    at: at.toISOString(),
    operationId,
    actorId: lower(event.actorId),
    action: event.action,
    resourceType: event.resourceType,
    resourceId: lower(event.resourceId),
    details: storedDetails(event.details),
    ip: event.ip ?? currentOrigin()?.ip ?? null,
    reason: reason?.commitment ?? null,
    outcome: event.outcome ?? 'allowed',
  };
  await run(
    `insert into audit_events (chain, seq, prev_hash, hash, at, operation_id, actor_id, action, resource_type, resource_id, details, ip, reason, outcome)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.chain,
      entry.seq,
      entry.prevHash,
      hashEntry(entry),
      entry.at,
      entry.operationId,
      entry.actorId,
      entry.action,
      entry.resourceType,
      entry.resourceId,
      JSON.stringify(entry.details),
      entry.ip,
      entry.reason,
      entry.outcome,
    ],
  );
  if (reason && event.reason) {
    await run('insert into audit_reasons (chain, seq, operation_id, resource_id, nonce, reason) values ($1, $2, $3, $4, $5, $6)', [
      entry.chain,
      entry.seq,
      entry.operationId,
      entry.resourceId,
      reason.nonce,
      event.reason,
    ]);
  }
}
