import type { Actor } from '@waymark/core';
import { sql } from 'kysely';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export interface CaseNameRow {
  id: string;
  case_number: string;
  /** The person's names (a household case: its head's); null when the reader's scope does not reach that person, or they were anonymised. */
  given_name: string | null;
  family_name: string | null;
}

/**
 * Whose cases these are, for lists that name a case (My work, the resettlement queue) and
 * the case page: the case number, and the person's name only where the reader's scope
 * reaches the person as well as the case (a case and its person can be held by different
 * workers or teams). Cases outside the reader's scope are simply absent.
 */
export async function caseNamesOf(db: Db | Tx, actor: Actor, caseIds: readonly string[]): Promise<CaseNameRow[]> {
  const wanted = [...new Set(caseIds)];
  if (wanted.length === 0 || actor.operationIds.length === 0) return [];
  const ops = sql.join(actor.operationIds.map((id) => sql`${id}::uuid`));
  const ids = sql.join(wanted.map((id) => sql`${id}::uuid`));
  const result = await sql<CaseNameRow>`
    select cases.id, cases.case_number,
           case when persons.anonymised_at is null then persons.given_name end as given_name,
           case when persons.anonymised_at is null then persons.family_name end as family_name
    from cases
    left join households on households.operation_id = cases.operation_id and households.id = cases.household_id
    left join persons on persons.operation_id = cases.operation_id
      and persons.id = coalesce(cases.person_id, households.head_person_id)
      and ${scopeCondition(actor, 'persons')}
    where cases.operation_id in (${ops}) and cases.id in (${ids}) and ${scopeCondition(actor, 'cases')}
  `.execute(db);
  return result.rows;
}
