import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

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

/**
 * Counts a failure; the `maxFailures`-th in a row locks the key for `baseMinutes`,
 * doubled for each earlier lockout (capped at 2^8). One statement, so parallel
 * attempts cannot slip past the count.
 */
export async function recordFailure(tx: Tx, keyHash: Buffer, maxFailures: number, baseMinutes: number): Promise<void> {
  await sql`
    insert into sign_in_throttle (key_hash, failures) values (${keyHash}, 1)
    on conflict (key_hash) do update set
      failures = case when sign_in_throttle.failures + 1 >= ${maxFailures} then 0 else sign_in_throttle.failures + 1 end,
      lockouts = case when sign_in_throttle.failures + 1 >= ${maxFailures} then sign_in_throttle.lockouts + 1 else sign_in_throttle.lockouts end,
      locked_until = case when sign_in_throttle.failures + 1 >= ${maxFailures}
        then now() + make_interval(mins => ${baseMinutes} * power(2, least(sign_in_throttle.lockouts, 8))::int)
        else sign_in_throttle.locked_until end,
      updated_at = now()
  `.execute(tx);
}

/** A success forgets earlier failures of that key. */
export async function clearFailures(tx: Tx, keyHash: Buffer): Promise<void> {
  await tx.deleteFrom('sign_in_throttle').where('key_hash', '=', keyHash).execute();
}
