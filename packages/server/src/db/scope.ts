import { INFORMANT_NAME, ROLE_CLEARANCE, ROLE_VERBS, type Actor } from '@waymark/core';
import { sql, type RawBuilder } from 'kysely';

// Workplaces, labour reports and programmes are held like persons (migration 0028).
type HeldTable = 'persons' | 'households' | 'cases' | 'workplaces' | 'workplace_reports' | 'programmes';

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

/**
 * core/policy `mayOpenInformant` as SQL: the rows of workplace_reports whose informant this
 * actor may open. The sealed name is selected only where this holds, so a reader without
 * the need to know never receives even the envelope. Kept beside a test that checks both agree.
 */
export function informantCondition(actor: Actor): RawBuilder<boolean> {
  if (!ROLE_VERBS[actor.role].has('labour.record') || actor.agencyId === null) return sql<boolean>`false`;
  const clearance = ROLE_CLEARANCE[actor.role];
  const cleared = clearance.level !== 'internal' && INFORMANT_NAME.topic !== undefined && clearance.topics.has(INFORMANT_NAME.topic);
  const sameAgency = sql<boolean>`workplace_reports.agency_id = ${actor.agencyId}::uuid`;
  const recorder = sql<boolean>`workplace_reports.assigned_user_id = ${actor.userId}::uuid`;
  return sql<boolean>`(${sameAgency} and ${scopeCondition(actor, 'workplace_reports')} and ${cleared ? sql<boolean>`true` : recorder})`;
}
