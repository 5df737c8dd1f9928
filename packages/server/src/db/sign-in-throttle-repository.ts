import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export interface ThrottleRule {
  /** The attempt that makes this many in a row locks the key. */
  maxFailures: number;
  /** The first lock; each later one doubles it … */
  baseMinutes: number;
  /** … up to this, so a lock anyone can provoke never lasts long. */
  maxMinutes: number;
  /** Failures further apart than this start the count again; without it they count until a success. */
  windowMinutes?: number;
}

/**
 * The attempts at one account (an email's password, a user's codes): per client address,
 * and for the account as a whole a much higher backstop that refuses only addresses the
 * account has not succeeded from lately. So a guesser elsewhere never locks the owner out
 * of their own address, and guesses spread over many addresses still meet a limit.
 */
export interface AccountThrottle {
  perAddress: ThrottleRule;
  perAccount: ThrottleRule;
  /** How long a success keeps an address spared by the backstop. */
  knownDays: number;
}

/** Hashed keys (never an email or an address in the table) of an account and of it from one address. */
export interface AccountKeys {
  account: Buffer;
  address: Buffer;
}

export type AttemptClaim = { allowed: true } | { allowed: false; lockedForSeconds: number };

/**
 * Counts an attempt before it is checked, and says whether it may be checked at all: first
 * for the account from this address, then for the account as a whole. Each count is one
 * statement (the row is locked while it runs), so parallel attempts queue on the count
 * instead of all reading "not locked" first. The attempt that reaches a limit is still
 * checked, and locks for whatever comes after it; a success then clears this address's
 * count (and its lock) with `recordSuccess`. While locked nothing is counted.
 */
export async function claimAccountAttempt(db: Db | Tx, keys: AccountKeys, throttle: AccountThrottle): Promise<AttemptClaim> {
  const fromHere = await claimAttempt(db, keys.address, throttle.perAddress, { subject: keys.account, knownDays: throttle.knownDays });
  if (!fromHere.allowed) return fromHere;
  const anywhere = await claimAttempt(db, keys.account, throttle.perAccount);
  if (anywhere.allowed || fromHere.known) return { allowed: true };
  return anywhere;
}

type Claimed = { allowed: true; known: boolean } | { allowed: false; lockedForSeconds: number };

async function claimAttempt(db: Db | Tx, keyHash: Buffer, rule: ThrottleRule, of?: { subject: Buffer; knownDays: number }): Promise<Claimed> {
  // The failures before this one: none when the last came longer ago than the rule's window.
  const prior =
    rule.windowMinutes === undefined ? sql`t.failures` : sql`(case when t.updated_at < now() - make_interval(mins => ${rule.windowMinutes}::int) then 0 else t.failures end)`;
  const { rows } = await sql<{ counted: boolean; seconds: number | null; known: boolean }>`
    insert into sign_in_throttle as t (key_hash, failures, subject_hash) values (${keyHash}, 1, ${of?.subject ?? null})
    on conflict (key_hash) do update set
      failures = case when t.locked_until > now() then t.failures
        when ${prior} + 1 >= ${rule.maxFailures} then 0 else ${prior} + 1 end,
      lockouts = case when t.locked_until > now() then t.lockouts
        when ${prior} + 1 >= ${rule.maxFailures} then t.lockouts + 1 else t.lockouts end,
      locked_until = case when t.locked_until > now() then t.locked_until
        when ${prior} + 1 >= ${rule.maxFailures}
          then now() + make_interval(mins => least(${rule.maxMinutes}::int, ${rule.baseMinutes}::int * power(2, least(t.lockouts, 16))::int))
        else t.locked_until end,
      subject_hash = coalesce(t.subject_hash, excluded.subject_hash),
      updated_at = case when t.locked_until > now() then t.updated_at else now() end
    returning t.updated_at = now() as counted, ceil(extract(epoch from t.locked_until - now()))::int as seconds,
      coalesce(t.succeeded_at > now() - make_interval(days => ${of?.knownDays ?? 0}::int), false) as known
  `.execute(db);
  const row = rows[0]!;
  if (row.counted) return { allowed: true, known: row.known };
  return { allowed: false, lockedForSeconds: Math.max(1, row.seconds ?? 1) };
}

/**
 * A success from this address forgets its earlier failures and its lock, and spares the
 * address from the account's backstop. The account's own count is left alone: the owner
 * signing in does not give a guesser elsewhere a fresh allowance.
 */
export async function recordSuccess(tx: Db | Tx, keys: AccountKeys): Promise<void> {
  await tx
    .insertInto('sign_in_throttle')
    .values({ key_hash: keys.address, subject_hash: keys.account, failures: 0, lockouts: 0, locked_until: null, succeeded_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({ failures: 0, lockouts: 0, locked_until: null, succeeded_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/**
 * An administrator's reset: every count and lock of these accounts ends, from every
 * address and overall. Which addresses the owner succeeded from is kept.
 */
export async function liftLocks(tx: Db | Tx, accounts: Buffer[]): Promise<void> {
  await tx
    .updateTable('sign_in_throttle')
    .set({ failures: 0, lockouts: 0, locked_until: null })
    .where((eb) => eb.or([eb('key_hash', 'in', accounts), eb('subject_hash', 'in', accounts)]))
    .execute();
}
