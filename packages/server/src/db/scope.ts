import type { Actor } from '@waymark/core';
import { sql, type RawBuilder } from 'kysely';

type HeldTable = 'persons' | 'households' | 'cases';

const NO_OPERATION = '00000000-0000-0000-0000-000000000000';

/**
 * The rule book's record scope (core/policy `inScope`) as SQL, so list queries are
 * filtered in the database and never after. Kept beside a test that checks both agree.
 */
export function scopeCondition(actor: Actor, table: HeldTable, operationIds: readonly string[] = actor.operationIds): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  const operations = operationIds.length > 0 ? operationIds : [NO_OPERATION];
  const inOperations = sql<boolean>`${column('operation_id')} in (${sql.join(operations.map((id) => sql`${id}::uuid`))})`;
  switch (actor.scope) {
    case 'operation':
      return inOperations;
    case 'agency':
      return sql<boolean>`(${inOperations} and ${column('agency_id')} = ${actor.agencyId ?? NO_OPERATION}::uuid)`;
    case 'team': {
      const teams = actor.teamIds.length > 0 ? actor.teamIds : [NO_OPERATION];
      return sql<boolean>`(${inOperations} and (${column('team_id')} in (${sql.join(teams.map((id) => sql`${id}::uuid`))}) or ${column('assigned_user_id')} = ${actor.userId}::uuid))`;
    }
    case 'own':
      return sql<boolean>`(${inOperations} and ${column('assigned_user_id')} = ${actor.userId}::uuid)`;
  }
}
