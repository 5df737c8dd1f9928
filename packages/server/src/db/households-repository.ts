import type { Actor } from '@waymark/core';
import { sql } from 'kysely';
import { scopeCondition } from './scope';
import type { HouseholdRow } from './schema';
import type { Db, Tx } from './transaction';

export async function insertHousehold(
  tx: Tx,
  row: {
    operation_id: string;
    id: string;
    site_id: string | null;
    head_person_id: string | null;
    created_by: string;
    agency_id: string;
    team_id: string | null;
    assigned_user_id: string | null;
  },
): Promise<HouseholdRow> {
  return tx
    .insertInto('households')
    .values({ ...row, updated_by: row.created_by })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findHousehold(db: Db | Tx, operationIds: readonly string[], id: string): Promise<HouseholdRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db
    .selectFrom('households')
    .selectAll()
    .where('operation_id', 'in', operationIds)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One household inside the actor's scope; outside it, undefined (the caller answers 404). */
export async function findHouseholdInScope(db: Db | Tx, actor: Actor, id: string): Promise<HouseholdRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return db.selectFrom('households').selectAll().where(scopeCondition(actor, 'households')).where('id', '=', id).executeTakeFirst();
}

export async function updateHouseholdAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: { site_id?: string | null; head_person_id?: string | null; updated_by: string },
): Promise<HouseholdRow | undefined> {
  return tx
    .updateTable('households')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** Names the head (null: the household was left empty); the caller has taken the version already. */
export async function setHouseholdHead(tx: Tx, key: { operationId: string; id: string }, headPersonId: string | null, updatedBy: string): Promise<void> {
  await tx
    .updateTable('households')
    .set({ head_person_id: headPersonId, updated_by: updatedBy })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .execute();
}
