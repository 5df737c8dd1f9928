import type { Generated } from 'kysely';
import type { Timestamp, Json, GeneratedAlways } from './column-types';

/** The hash-chained audit trail (written by audit.ts only); joined into Database in schema.ts. */
export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_reasons: AuditReasonsTable;
}

export interface AuditEventsTable {
  id: GeneratedAlways<string>;
  operation_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  details: Json<Record<string, unknown>>;
  // Migration 0007: the hash chain (written by db/audit.ts only) and from where, why, outcome.
  chain: string;
  seq: number;
  prev_hash: Buffer | null;
  hash: Buffer;
  ip: string | null;
  reason: string | null;
  outcome: Generated<string>;
}

/** Migration 0030: an entry's reason in words, outside the append-only trail, so erasure can delete it. */
export interface AuditReasonsTable {
  chain: string;
  seq: number;
  operation_id: string | null;
  resource_id: string | null;
  nonce: Buffer;
  reason: string;
}
