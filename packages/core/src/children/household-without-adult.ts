import { ageOn } from './dates';

/** A household member as far as this rule needs: who, and what is known of their birth. */
export interface MemberBirth {
  id: string;
  dateOfBirth: string | null;
  birthYear: number | null;
}

/**
 * Children (under 18 on `today`) left with no adult by a household change: everyone under 18
 * in a group that has no member known to be 18 or over. A member of unknown age is not taken
 * for an adult (nobody has shown there is one to care for the child) and is not flagged as a
 * child either: an age dispute is child protection's to settle, not this rule's. An empty
 * group, or one of adults only, flags nobody.
 */
export function childrenWithoutAdult(group: readonly MemberBirth[], today: string): string[] {
  const ages = group.map((member) => ({ id: member.id, age: ageOn(member, today) }));
  if (ages.some((member) => member.age !== null && member.age >= 18)) return [];
  return ages.filter((member) => member.age !== null && member.age < 18).map((member) => member.id);
}
