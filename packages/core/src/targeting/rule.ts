/**
 * A targeting rule: conditions combined with all / any, as plain JSON so a programme can
 * store it and a person can read it. Operators: `in` (one of the values), `gte` / `lte`
 * (ordered fields and numbers), `within` (an admin area or any area under it).
 */
export type TargetCondition =
  | { field: string; op: 'in'; values: string[] }
  | { field: string; op: 'gte' | 'lte'; value: string | number }
  | { field: string; op: 'within'; value: string };

export type TargetRule = { all: TargetRule[] } | { any: TargetRule[] } | TargetCondition;

/** A person's risk profile, as the rule sees it. */
export type TargetProfile = Readonly<Record<string, string | number | null | undefined>>;
