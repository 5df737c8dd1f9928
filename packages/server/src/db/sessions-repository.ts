import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

/** Session times come from the database clock, the same one that later checks them. */
export async function insertSession(tx: Tx | Db, row: { token_hash: Buffer; user_id: string; absoluteHours: number }) {
  await tx
    .insertInto('sessions')
    .values({
      token_hash: row.token_hash,
      user_id: row.user_id,
      expires_at: sql<Date>`now() + make_interval(hours => ${row.absoluteHours})`,
    })
    .execute();
}

/**
 * The live session behind a token hash with its user, touching last_seen_at so the idle
 * timeout slides. Expired, idle or disabled-user sessions come back undefined.
 */
export async function findLiveSession(db: Db, tokenHash: Buffer, idleMinutes: number) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .from('users')
    .whereRef('users.id', '=', 'sessions.user_id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('users.disabled_at', 'is', null)
    .returning(['users.id as userId', 'users.email', 'users.display_name', 'users.role', 'users.locale', 'users.must_change_password'])
    .executeTakeFirst();
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
