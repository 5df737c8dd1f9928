import { ageInYears, can, err, type Actor, type CareArrangement as CoreArrangement, type CareSituation, type ChildFacts, type Result, type Verb } from '@waymark/core';
import type { CareArrangementRow, PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { personFor } from '../person-for';

/**
 * The child a best-interests route is about: found through the scope condition (outside
 * it, 404 — another agency's child is as unknown as no child), then the verb on the record.
 */
export async function findChild(tx: Tx, actor: Actor, personId: string, verb: Verb): Promise<Result<PersonRow, Failure>> {
  if (!can(actor, verb)) return err(failure('forbidden'));
  return personFor(tx, actor, personId, verb);
}

export function childFacts(person: PersonRow): ChildFacts {
  return {
    id: person.id,
    dateOfBirth: person.date_of_birth,
    birthYear: person.birth_year,
    careSituation: person.care_situation as CareSituation | null,
  };
}

/** Stored rows as core/children's care-arrangement history. */
export function coreArrangement(row: CareArrangementRow): CoreArrangement {
  return {
    id: row.id,
    childId: row.person_id,
    type: row.kind as CoreArrangement['type'],
    carer: row.carer_person_id !== null ? { kind: 'person', personId: row.carer_person_id } : { kind: 'carer_record', carerId: row.carer_ref ?? '' },
    startDate: row.started_on,
    endDate: row.ended_on,
  };
}

/**
 * Age on a day as core/children counts it: with only a birth year, the youngest possible
 * age (born 31 December), so an estimate never withdraws a child's protection.
 */
export function childAgeOn(person: PersonRow, on: string): number | null {
  const birth = person.date_of_birth === null && person.birth_year !== null ? { dateOfBirth: `${person.birth_year}-12-31`, birthYear: null } : { dateOfBirth: person.date_of_birth, birthYear: person.birth_year };
  return ageInYears(birth, new Date(`${on}T00:00:00Z`));
}
