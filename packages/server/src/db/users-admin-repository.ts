import type { Actor } from '@waymark/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Tx } from './transaction';

const NONE = '00000000-0000-0000-0000-000000000000';

/** A user as administration reads it: never the password hash or any secret. */
export interface AdminUserRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  scope: string;
  agency_id: string | null;
  must_change_password: boolean;
  disabled_at: Date | null;
  created_at: Date;
  operationIds: string[];
  teamIds: string[];
}

/**
 * Which users an actor may see, in SQL: those working in one of the actor's operations,
 * and of the actor's own agency unless the actor's scope is the whole operation.
 */
function visibleTo(actor: Actor): Expression<SqlBool> {
  const operations = actor.operationIds.length > 0 ? actor.operationIds : [NONE];
  const inOperations = sql<SqlBool>`exists (select 1 from user_operations v where v.user_id = users.id and v.operation_id in (${sql.join(
    operations.map((id) => sql`${id}::uuid`),
  )}))`;
  if (actor.scope === 'operation') return inOperations;
  return sql<SqlBool>`(${inOperations} and users.agency_id = ${actor.agencyId ?? NONE}::uuid)`;
}

function adminUsers(db: Db | Tx, actor: Actor) {
  const operations = actor.operationIds.length > 0 ? actor.operationIds : [NONE];
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.scope',
      'users.agency_id',
      'users.must_change_password',
      'users.disabled_at',
      'users.created_at',
      // Only the operations the reader shares: another operation's existence is not theirs to know.
      eb
        .selectFrom('user_operations')
        .select(sql<string[]>`coalesce(array_agg(operation_id order by operation_id), '{}')`.as('ids'))
        .whereRef('user_operations.user_id', '=', 'users.id')
        .where('user_operations.operation_id', 'in', operations)
        .as('operationIds'),
      eb
        .selectFrom('team_members')
        .select(sql<string[]>`coalesce(array_agg(team_id order by team_id), '{}')`.as('ids'))
        .whereRef('team_members.user_id', '=', 'users.id')
        .as('teamIds'),
    ])
    .where(visibleTo(actor));
}

function normalise(row: Omit<AdminUserRow, 'operationIds' | 'teamIds'> & { operationIds: string[] | null; teamIds: string[] | null }): AdminUserRow {
  return { ...row, operationIds: row.operationIds ?? [], teamIds: row.teamIds ?? [] };
}

export async function listVisibleUsers(db: Db | Tx, actor: Actor, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    adminUsers(db, actor).orderBy('users.display_name').orderBy('users.id').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(visibleTo(actor))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(normalise), total: Number(total.n) };
}

/** One user the actor may see (locked for the rest of the transaction), or undefined. */
export async function findVisibleUserForUpdate(tx: Tx, actor: Actor, id: string): Promise<AdminUserRow | undefined> {
  const locked = await tx.selectFrom('users').select('id').where('id', '=', id).where(visibleTo(actor)).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  return findVisibleUser(tx, actor, id);
}

export async function findVisibleUser(db: Db | Tx, actor: Actor, id: string): Promise<AdminUserRow | undefined> {
  const row = await adminUsers(db, actor).where('users.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** Every operation the user works in, not only those shared with a reader: grants check all. */
export async function allOperationIdsOf(tx: Tx, userId: string): Promise<string[]> {
  return (await tx.selectFrom('user_operations').select('operation_id').where('user_id', '=', userId).execute()).map((r) => r.operation_id);
}

/** Role, scope and agency of these users, whoever they are: for checking a granter's reach. */
export async function accessOfUsers(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('users').select(['id', 'role', 'scope', 'agency_id']).where('id', 'in', ids).execute();
}

export async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function updateUser(tx: Tx, id: string, changes: { display_name?: string; role?: string; scope?: string }): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await tx.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function setUserDisabled(tx: Tx, id: string, disabled: boolean): Promise<void> {
  await tx
    .updateTable('users')
    .set({ disabled_at: disabled ? sql<Date>`now()` : null })
    .where('id', '=', id)
    .execute();
}

/** Ends every session of a user at once: a disabled account must not keep a live cookie. */
export async function deleteAllSessionsOfUser(tx: Tx, userId: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Replaces all of a user's team memberships (teams are checked by the caller). */
export async function setTeamsOfUser(tx: Tx, userId: string, teams: ReadonlyArray<{ operation_id: string; id: string }>): Promise<void> {
  await tx.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (teams.length === 0) return;
  await tx
    .insertInto('team_members')
    .values(teams.map((team) => ({ operation_id: team.operation_id, team_id: team.id, user_id: userId })))
    .execute();
}

/**
 * Whether a user may be assigned a record held by this agency in this operation: enabled,
 * of that very agency, and working in that operation; with `roles`, also of a role that can
 * read what it would hold (an auditor or analyst holding a case could never open it).
 */
export async function isEligibleAssignee(tx: Tx, userId: string, operationId: string, agencyId: string, roles?: readonly string[]): Promise<boolean> {
  let query = tx
    .selectFrom('users')
    .innerJoin('user_operations', 'user_operations.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.agency_id', '=', agencyId)
    .where('users.disabled_at', 'is', null)
    .where('user_operations.operation_id', '=', operationId);
  if (roles !== undefined) query = query.where('users.role', 'in', roles.length > 0 ? [...roles] : ['']);
  const row = await query.executeTakeFirst();
  return row !== undefined;
}
