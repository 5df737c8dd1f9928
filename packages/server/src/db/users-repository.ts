import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export async function findUserByEmail(db: Db | Tx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function operationIdsOfUser(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_operations').select('operation_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.operation_id);
}

/** Serialises first-start bootstrapping between processes, until the transaction ends. */
export async function lockBootstrap(tx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7302915)`.execute(tx);
}

export async function anyUserExists(tx: Tx): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function firstOperationId(tx: Tx): Promise<string | undefined> {
  return (await tx.selectFrom('operations').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id;
}

export async function insertOperation(tx: Tx, row: { id: string; code: string; name: string }): Promise<void> {
  await tx.insertInto('operations').values(row).execute();
}

export async function insertAgency(tx: Tx, row: { operation_id: string; id: string; code: string; name: string; kind: string }): Promise<void> {
  await tx.insertInto('agencies').values(row).execute();
}

export async function insertUser(
  tx: Tx,
  row: {
    id: string;
    email: string;
    display_name: string;
    password_hash: string;
    role: string;
    scope: string;
    agency_id: string | null;
    must_change_password: boolean;
  },
  operationIds: string[],
): Promise<void> {
  await tx.insertInto('users').values(row).execute();
  if (operationIds.length > 0) {
    await tx.insertInto('user_operations').values(operationIds.map((operation_id) => ({ user_id: row.id, operation_id }))).execute();
  }
}

export async function findPasswordHash(db: Db | Tx, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst())?.password_hash;
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', userId).execute();
}

/** A password an administrator handed out: it must be changed at the next sign-in. */
export async function setOneTimePassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', userId).execute();
}

/** An enabled user by email with what the rule book needs: role, scope, agency, teams, operations. */
export async function findActingUser(db: Db | Tx, email: string) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.role',
      'users.scope',
      'users.agency_id',
      eb.selectFrom('team_members').select(sql<string[]>`coalesce(array_agg(team_id), '{}')`.as('ids')).whereRef('team_members.user_id', '=', 'users.id').as('teamIds'),
      eb
        .selectFrom('user_operations')
        .select(sql<string[]>`coalesce(array_agg(operation_id), '{}')`.as('ids'))
        .whereRef('user_operations.user_id', '=', 'users.id')
        .as('operationIds'),
    ])
    .where('users.email', '=', email.toLowerCase())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function allOperationIds(db: Db | Tx): Promise<string[]> {
  return (await db.selectFrom('operations').select('id').execute()).map((row) => row.id);
}

/**
 * Staff names for printed documents ("assigned to", "printed by"): only the ids asked for.
 * An id that names nobody (a user since deleted) is simply absent.
 */
export async function displayNamesOf(db: Db | Tx, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
