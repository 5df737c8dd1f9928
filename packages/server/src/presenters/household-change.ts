import type { HouseholdChange } from '@waymark/contracts';
import type { HouseholdChangeLine } from '../db/household-changes-repository';

/** One history line: names only as the repository let them through the reader's scope. */
export function presentHouseholdChange(line: HouseholdChangeLine): HouseholdChange {
  const name = line.given_name === null ? null : [line.given_name, line.family_name ?? ''].join(' ').trim();
  return {
    id: line.id,
    kind: line.kind,
    personId: line.person_id,
    personName: name,
    personNumber: line.registration_number,
    otherHouseholdId: line.other_household_id,
    otherHouseholdNumber: line.household_number,
    childWithoutAdult: line.child_without_adult,
    changedAt: new Date(line.changed_at).toISOString(),
    changedByName: line.display_name,
  };
}
