import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export interface ThrottleRule {
  /** The attempt that makes this many in a row locks the key. */
  maxFailures: number;
  /** The first lock; each later one doubles it … */
  baseMinutes: number;
  /** … up to this, so a lock anyone can provoke never lasts long. */
  maxMinutes: number;
}

export type AttemptClaim = { allowed: true } | { allowed: false; lockedForSeconds: number };

/**
 * Counts an attempt before it is checked, and says whether it may be checked at all: one
 * statement (the row is locked while it runs), so parallel attempts queue on the count
 * instead of all reading "not locked" first. The attempt that reaches `maxFailures` is
 * still checked, and locks the key for whatever comes after it; a success then clears the
 * count (and that lock) with `clearFailures`. While locked nothing is counted.
 */
export async function claimAttempt(db: Db | Tx, keyHash: Buffer, rule: ThrottleRule): Promise<AttemptClaim> {
  const { rows } = await sql<{ counted: boolean; seconds: number | null }>`
    insert into sign_in_throttle as t (key_hash, failures) values (${keyHash}, 1)
    on conflict (key_hash) do update set
      failures = case when t.locked_until > now() then t.failures
        when t.failures + 1 >= ${rule.maxFailures} then 0 else t.failures + 1 end,
      lockouts = case when t.locked_until > now() then t.lockouts
        when t.failures + 1 >= ${rule.maxFailures} then t.lockouts + 1 else t.lockouts end,
      locked_until = case when t.locked_until > now() then t.locked_until
        when t.failures + 1 >= ${rule.maxFailures}
          then now() + make_interval(mins => least(${rule.maxMinutes}::int, ${rule.baseMinutes}::int * power(2, least(t.lockouts, 16))::int))
        else t.locked_until end,
      updated_at = case when t.locked_until > now() then t.updated_at else now() end
    returning t.updated_at = now() as counted, ceil(extract(epoch from t.locked_until - now()))::int as seconds
  `.execute(db);
  const row = rows[0]!;
  if (row.counted) return { allowed: true };
  return { allowed: false, lockedForSeconds: Math.max(1, row.seconds ?? 1) };
}

/** Seconds until the lock on this key ends, or 0 when it is not locked. */
export async function lockedForSeconds(db: Db | Tx, keyHash: Buffer): Promise<number> {
  const row = await db
    .selectFrom('sign_in_throttle')
    .select(sql<number>`ceil(extract(epoch from locked_until - now()))::int`.as('seconds'))
    .where('key_hash', '=', keyHash)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? Math.max(1, row.seconds) : 0;
}

/** A success (or an administrator's reset) forgets earlier failures of that key, and its lock. */
export async function clearFailures(tx: Db | Tx, keyHash: Buffer): Promise<void> {
  await tx.deleteFrom('sign_in_throttle').where('key_hash', '=', keyHash).execute();
}
