import type { Generated } from 'kysely';
import type { Timestamp } from './column-types';

/** Sign-in: sessions, second-factor recovery codes, the failed sign-in throttle; joined into Database in schema.ts. */
export interface SessionTables {
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_throttle: SignInThrottleTable;
}

export interface SessionsTable {
  token_hash: Buffer;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** Migration 0008: sha256 of the session's CSRF token. */
  csrf_hash: Buffer | null;
  mfa_pending: Generated<boolean>;
}

/** Migration 0008. */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: Buffer;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

/** Migration 0008: failed sign-in attempts per hashed email or per user's second factor. */
export interface SignInThrottleTable {
  key_hash: Buffer;
  failures: Generated<number>;
  lockouts: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
  /** Migration 0034: the account's backstop key, on a per-address row. */
  subject_hash: Buffer | null;
  /** Migration 0034: the last success from this row's address. */
  succeeded_at: Timestamp | null;
}
