import type { Actor } from '@waymark/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { HouseholdChangesTable } from './person-tables';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export interface NewHouseholdChange {
  householdId: string;
  kind: HouseholdChangesTable['kind'];
  personId: string | null;
  otherHouseholdId?: string | null;
  childWithoutAdult?: boolean;
}

/** Appends history lines in the writing transaction (ids only: names stay on the records). */
export async function insertHouseholdChanges(tx: Tx, operationId: string, changedBy: string, changes: readonly NewHouseholdChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx
    .insertInto('household_changes')
    .values(
      changes.map((change) => ({
        operation_id: operationId,
        id: uuidv7(),
        household_id: change.householdId,
        kind: change.kind,
        person_id: change.personId,
        other_household_id: change.otherHouseholdId ?? null,
        child_without_adult: change.childWithoutAdult ?? false,
        changed_by: changedBy,
      })),
    )
    .execute();
}

export interface HouseholdChangeLine {
  id: string;
  kind: HouseholdChangesTable['kind'];
  person_id: string | null;
  given_name: string | null;
  family_name: string | null;
  registration_number: string | null;
  other_household_id: string | null;
  household_number: string | null;
  child_without_adult: boolean;
  changed_at: Date;
  display_name: string | null;
}

/**
 * A household's history, oldest first. A person's name and the other household's number
 * come only through the reader's scope (and never for an anonymised person): a line about
 * someone the reader may not see says that something happened, not to whom.
 */
export async function listHouseholdChanges(db: Db | Tx, actor: Actor, operationId: string, householdId: string): Promise<HouseholdChangeLine[]> {
  return db
    .selectFrom('household_changes as c')
    .leftJoin('persons', (join) =>
      join
        .onRef('persons.operation_id', '=', 'c.operation_id')
        .onRef('persons.id', '=', 'c.person_id')
        .on(scopeCondition(actor, 'persons'))
        .on('persons.anonymised_at', 'is', null),
    )
    .leftJoin('households', (join) =>
      join.onRef('households.operation_id', '=', 'c.operation_id').onRef('households.id', '=', 'c.other_household_id').on(scopeCondition(actor, 'households')),
    )
    .leftJoin('users', 'users.id', 'c.changed_by')
    .select([
      'c.id',
      'c.kind',
      'c.person_id',
      'persons.given_name',
      'persons.family_name',
      'persons.registration_number',
      'c.other_household_id',
      'households.household_number',
      'c.child_without_adult',
      sql<Date>`c.changed_at`.as('changed_at'),
      'users.display_name',
    ])
    .where('c.operation_id', '=', operationId)
    .where('c.household_id', '=', householdId)
    .orderBy('c.changed_at', 'asc')
    .orderBy('c.id', 'asc')
    .execute();
}

/** Moves people into a household (or out of any, with null), bumping each version: their record changed. */
export async function setHouseholdOf(
  tx: Tx,
  operationId: string,
  updatedBy: string,
  moves: readonly { personId: string; householdId: string | null; relationshipToHead: string | null; siteId?: string | null }[],
): Promise<void> {
  for (const move of moves) {
    await tx
      .updateTable('persons')
      .set((eb) => ({
        household_id: move.householdId,
        relationship_to_head: move.relationshipToHead,
        ...(move.siteId !== undefined ? { site_id: move.siteId } : {}),
        updated_by: updatedBy,
        version: eb('version', '+', 1),
        updated_at: sql`now()`,
      }))
      .where('operation_id', '=', operationId)
      .where('id', '=', move.personId)
      .execute();
  }
}
