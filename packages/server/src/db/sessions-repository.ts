import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

/** Session times come from the database clock, the same one that later checks them. */
export async function insertSession(
  tx: Tx | Db,
  row: { token_hash: Buffer; user_id: string; absoluteHours: number; csrf_hash: Buffer; mfa_pending: boolean },
) {
  await tx
    .insertInto('sessions')
    .values({
      token_hash: row.token_hash,
      user_id: row.user_id,
      csrf_hash: row.csrf_hash,
      mfa_pending: row.mfa_pending,
      expires_at: sql<Date>`now() + make_interval(hours => ${row.absoluteHours})`,
    })
    .execute();
}

/**
 * The live session behind a token hash, with its user and the user's operations, in one
 * read. Expired, idle or disabled-user sessions come back undefined.
 */
export async function findLiveSession(db: Db, tokenHash: Buffer, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'users.id as userId',
      'users.email',
      'users.display_name',
      'users.role',
      'users.locale',
      'users.must_change_password',
      'users.scope',
      'users.agency_id',
      'sessions.last_seen_at',
      'sessions.csrf_hash',
      'sessions.mfa_pending',
      sql<boolean>`users.totp_confirmed_at is not null`.as('mfaEnrolled'),
      // Any of the user's operations requiring a second factor of everyone.
      eb
        .exists(
          eb
            .selectFrom('user_operations')
            .innerJoin('operations', 'operations.id', 'user_operations.operation_id')
            .select(sql`1`.as('one'))
            .whereRef('user_operations.user_id', '=', 'users.id')
            .where('operations.mfa_required', '=', true),
        )
        .as('operationRequiresMfa'),
      eb
        .selectFrom('team_members')
        .select(sql<string[]>`coalesce(array_agg(team_id), '{}')`.as('ids'))
        .whereRef('team_members.user_id', '=', 'users.id')
        .as('teamIds'),
      eb
        .selectFrom('user_operations')
        .select(sql<string[]>`coalesce(array_agg(operation_id), '{}')`.as('ids'))
        .whereRef('user_operations.user_id', '=', 'users.id')
        .as('operationIds'),
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Slides the idle timeout. Called only when the last touch is over a minute old, so a busy
 * user does not turn every read into a write.
 */
export async function touchSession(db: Db, tokenHash: Buffer) {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db | Tx, tokenHash: Buffer) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user except (optionally) the one in use. */
export async function deleteOtherSessions(db: Db | Tx, userId: string, keep: Buffer | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('token_hash', '!=', keep);
  await query.execute();
}

/** Disabling a user ends all their sessions at once (the user-admin use case calls this in its transaction). */
export async function deleteAllSessionsOf(db: Db | Tx, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** The second factor is done: the same session may now do everything its role allows. */
export async function completeMfa(tx: Tx, tokenHash: Buffer) {
  await tx.updateTable('sessions').set({ mfa_pending: false }).where('token_hash', '=', tokenHash).execute();
}
