import type { Household } from '@waymark/contracts';
import type { HouseholdRow, PersonRow } from '../db/schema';
import { presentPerson } from './person';

export function presentHousehold(household: HouseholdRow, members: PersonRow[], today: Date): Household {
  return {
    id: household.id,
    operationId: household.operation_id,
    householdNumber: household.household_number,
    siteId: household.site_id,
    headPersonId: household.head_person_id,
    version: household.version,
    members: members.map((member) => presentPerson(member, today)),
  };
}
