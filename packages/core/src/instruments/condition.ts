// The small declarative language for show-if rules, override rules and
// registration-derived indicators. Plain JSON so an instrument stays data.

/** Facts about the person that come from registration, never from a question. */
export const SUBJECT_FACTS = [
  'ageYears',
  'sex',
  'setting',
  'legalStatus',
  'careSituation',
  'documents',
  'householdSize',
  'isHeadOfHousehold',
  'dependantsInHousehold',
  'otherAdultsInHousehold',
  'yearsSinceArrival',
] as const;
export type SubjectFact = (typeof SUBJECT_FACTS)[number];

export type Scalar = string | number | boolean;

/** Exactly one operator. `includes` is for multiple-choice answers and the documents fact. */
export type Comparison =
  | { equals: Scalar }
  | { in: Scalar[] }
  | { includes: string }
  | { lt: number }
  | { gte: number };

export type ItemCondition = { item: string } & Comparison;
export type FactCondition = { fact: SubjectFact } & Comparison;

export type Condition =
  | ItemCondition
  | FactCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Every item id a condition mentions, in order of appearance. */
export function referencedItems(condition: Condition): string[] {
  if ('item' in condition) return [condition.item];
  if ('all' in condition) return condition.all.flatMap(referencedItems);
  if ('any' in condition) return condition.any.flatMap(referencedItems);
  if ('not' in condition) return referencedItems(condition.not);
  return [];
}

/** Every item comparison in a condition, to check compared values against choices. */
export function itemComparisons(condition: Condition): ItemCondition[] {
  if ('item' in condition) return [condition];
  if ('all' in condition) return condition.all.flatMap(itemComparisons);
  if ('any' in condition) return condition.any.flatMap(itemComparisons);
  if ('not' in condition) return itemComparisons(condition.not);
  return [];
}
