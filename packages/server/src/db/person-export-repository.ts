import type { AuditEventsTable, ConsentRow, HouseholdRow } from './schema';
import type { Selectable } from 'kysely';
import type { Db, Tx } from './transaction';

export async function findHouseholdOf(db: Db | Tx, operationId: string, householdId: string): Promise<{ household: HouseholdRow; members: number } | undefined> {
  const household = await db
    .selectFrom('households')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('id', '=', householdId)
    .executeTakeFirst();
  if (!household) return undefined;
  const counted = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('operation_id', '=', operationId)
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  return { household, members: Number(counted.n) };
}

export async function listConsentsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type PersonAuditRow = Pick<Selectable<AuditEventsTable>, 'at' | 'action' | 'resource_type' | 'actor_id' | 'outcome' | 'details'> & {
  actor_role: string | null;
};

/** At most this many entries: an export is a document, not an audit search. */
export const EXPORT_AUDIT_LIMIT = 5000;

/**
 * The audit entries about this person: those on the person, and those on records that
 * are theirs (screenings, protection notes, consents), by id through the resource index;
 * only in the person's operation, so a record elsewhere under the same id never joins in.
 */
export async function listAuditAboutPerson(db: Db | Tx, operationId: string, personId: string, relatedIds: readonly string[]): Promise<PersonAuditRow[]> {
  return db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.resource_type', 'e.actor_id', 'e.outcome', 'e.details', 'u.role as actor_role'])
    .where('e.operation_id', '=', operationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('e.resource_type', '=', 'person'), eb('e.resource_id', '=', personId)]),
        ...(relatedIds.length > 0
          ? [eb.and([eb('e.resource_type', 'in', ['screening', 'protection_note', 'consent', 'case']), eb('e.resource_id', 'in', [...relatedIds])])]
          : []),
      ]),
    )
    .orderBy('e.at', 'asc')
    .orderBy('e.id', 'asc')
    .limit(EXPORT_AUDIT_LIMIT)
    .execute();
}
