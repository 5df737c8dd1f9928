import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export interface AgencyRow {
  operation_id: string;
  id: string;
  code: string;
  name: string;
  kind: string;
  created_at: Date;
}

export interface TeamRow {
  operation_id: string;
  id: string;
  agency_id: string;
  name: string;
  memberIds: string[];
}

export async function operationCodeTaken(tx: Tx, code: string): Promise<boolean> {
  return (await tx.selectFrom('operations').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function addUserToOperation(tx: Tx, userId: string, operationId: string): Promise<void> {
  await tx.insertInto('user_operations').values({ user_id: userId, operation_id: operationId }).execute();
}

export async function listAgencies(db: Db | Tx, operationId: string): Promise<AgencyRow[]> {
  return db
    .selectFrom('agencies')
    .select(['operation_id', 'id', 'code', 'name', 'kind', 'created_at'])
    .where('operation_id', '=', operationId)
    .orderBy('name')
    .execute();
}

/** An agency, if it belongs to one of these operations. */
export async function findAgency(db: Db | Tx, operationIds: readonly string[], id: string): Promise<AgencyRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db
    .selectFrom('agencies')
    .select(['operation_id', 'id', 'code', 'name', 'kind', 'created_at'])
    .where('operation_id', 'in', operationIds)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function agencyCodeTaken(tx: Tx, operationId: string, code: string): Promise<boolean> {
  const row = await tx.selectFrom('agencies').select('id').where('operation_id', '=', operationId).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertAgencyRow(tx: Tx, row: { operation_id: string; id: string; code: string; name: string; kind: string }): Promise<AgencyRow> {
  return tx.insertInto('agencies').values(row).returning(['operation_id', 'id', 'code', 'name', 'kind', 'created_at']).executeTakeFirstOrThrow();
}

function teamsWithMembers(db: Db | Tx) {
  return db
    .selectFrom('teams')
    .select((eb) => [
      'teams.operation_id',
      'teams.id',
      'teams.agency_id',
      'teams.name',
      eb
        .selectFrom('team_members')
        .select(sql<string[]>`coalesce(array_agg(user_id order by user_id), '{}')`.as('ids'))
        .whereRef('team_members.operation_id', '=', 'teams.operation_id')
        .whereRef('team_members.team_id', '=', 'teams.id')
        .as('memberIds'),
    ]);
}

const normaliseTeam = (row: Omit<TeamRow, 'memberIds'> & { memberIds: string[] | null }): TeamRow => ({ ...row, memberIds: row.memberIds ?? [] });

export async function listTeams(db: Db | Tx, operationId: string, agencyId: string): Promise<TeamRow[]> {
  const rows = await teamsWithMembers(db).where('teams.operation_id', '=', operationId).where('teams.agency_id', '=', agencyId).orderBy('teams.name').execute();
  return rows.map(normaliseTeam);
}

/** A team, if it belongs to one of these operations. */
export async function findTeam(db: Db | Tx, operationIds: readonly string[], id: string): Promise<TeamRow | undefined> {
  if (operationIds.length === 0) return undefined;
  const row = await teamsWithMembers(db).where('teams.operation_id', 'in', operationIds).where('teams.id', '=', id).executeTakeFirst();
  return row ? normaliseTeam(row) : undefined;
}

/** The teams among `ids` that belong to this agency (teams never span agencies). */
export async function teamsOfAgency(db: Db | Tx, agencyId: string, ids: readonly string[]): Promise<Array<{ operation_id: string; id: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('teams').select(['operation_id', 'id']).where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
}

export async function teamNameTaken(tx: Tx, operationId: string, agencyId: string, name: string): Promise<boolean> {
  const row = await tx
    .selectFrom('teams')
    .select('id')
    .where('operation_id', '=', operationId)
    .where('agency_id', '=', agencyId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertTeam(tx: Tx, row: { operation_id: string; id: string; agency_id: string; name: string }): Promise<void> {
  await tx.insertInto('teams').values(row).execute();
}

/** Replaces a team's whole membership (members are checked by the caller). */
export async function setTeamMembers(tx: Tx, team: { operation_id: string; id: string }, userIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('team_members').where('operation_id', '=', team.operation_id).where('team_id', '=', team.id).execute();
  if (userIds.length === 0) return;
  await tx
    .insertInto('team_members')
    .values(userIds.map((user_id) => ({ operation_id: team.operation_id, team_id: team.id, user_id })))
    .execute();
}

/** Users among `ids` who belong to the agency and work in the operation. */
export async function membersEligibleForTeam(tx: Tx, operationId: string, agencyId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('users')
    .innerJoin('user_operations', 'user_operations.user_id', 'users.id')
    .select(['users.id', 'users.role', 'users.scope', 'users.agency_id'])
    .where('users.agency_id', '=', agencyId)
    .where('user_operations.operation_id', '=', operationId)
    .where('users.id', 'in', ids)
    .execute();
}
