import { RECORD_KEY_SPACE } from './cell-key';
import { planRelease, type AreaChange } from './release';

/**
 * Releases of the views computed from records rather than from the population ledger
 * (programme coverage, the labour layer): docs/ARCHITECTURE.md, "Releases of coverage and
 * labour". The live counts are reduced to keyed rows, the same rows are kept as released,
 * and a cut replaces an area's rows only where at least k records changed in it.
 *
 * A row belongs to one family (a set of records counted one way: a coverage measure, the
 * workplaces, the people linked) and one area, and within a family and area every record
 * is in at most one row (`row` names the combination of every dimension the family is
 * published by). That is what lets release.ts bound the records that changed from the rows
 * alone: one record moves at most two rows of its family.
 *
 * The gate is per family and area: an enrolment and four new workplaces do not refresh
 * anything (the enrolment would stand alone in its family's change).
 */
export interface KeyedRow {
  family: string;
  /** The area code the records carry; '' for none. */
  area: string;
  row: string;
  n: number;
  keySum: number;
}

export interface ViewReleasePlan {
  /** The rows as released after the cut. */
  rows: KeyedRow[];
  /** Family and area of every group refreshed now, as `family area`. */
  refreshed: string[];
  /** Groups where something moved but fewer than k records for certain (or not allowed now). */
  held: string[];
}

const groupOf = (row: Pick<KeyedRow, 'family' | 'area'>) => `${row.family} ${row.area}`;
const rowOf = (row: Pick<KeyedRow, 'family' | 'area' | 'row'>) => `${row.family}\u0000${row.area}\u0000${row.row}`;
const modKey = (value: number) => ((value % RECORD_KEY_SPACE) + RECORD_KEY_SPACE) % RECORD_KEY_SPACE;

/** What moved in each family and area between the released rows and the live ones (release.ts's measure). */
export function groupChanges(live: readonly KeyedRow[], released: readonly KeyedRow[]): AreaChange[] {
  const difference = new Map<string, { group: string; n: number; key: number }>();
  const add = (row: KeyedRow, sign: 1 | -1) => {
    const id = rowOf(row);
    const was = difference.get(id) ?? { group: groupOf(row), n: 0, key: 0 };
    difference.set(id, { group: was.group, n: was.n + sign * row.n, key: modKey(was.key + sign * modKey(row.keySum)) });
  };
  live.forEach((row) => add(row, 1));
  released.forEach((row) => add(row, -1));
  const groups = new Map<string, AreaChange>();
  for (const moved of difference.values()) {
    if (moved.n === 0 && moved.key === 0) continue;
    const change = groups.get(moved.group) ?? { area: moved.group, net: 0, movements: 0 };
    groups.set(moved.group, { area: moved.group, net: change.net + moved.n, movements: change.movements + Math.abs(moved.n) + (moved.n === 0 ? 2 : 0) });
  }
  return [...groups.values()];
}

/**
 * A cut: every family and area where at least k records changed since its last release
 * takes its live rows, the others keep their released ones. `mayRefresh` can hold a group
 * back further (coverage's in-need moves only when the population release of its area
 * does, so the two never show the same people at different moments).
 */
export function planViewRelease(
  live: readonly KeyedRow[],
  released: readonly KeyedRow[],
  k: number,
  mayRefresh: (family: string, area: string) => boolean = () => true,
): ViewReleasePlan {
  const plan = planRelease(groupChanges(live, released), k);
  const refresh = new Set(
    plan.refresh.filter((group) => {
      const [family, area] = splitGroup(group);
      return mayRefresh(family, area);
    }),
  );
  const held = [...plan.held, ...plan.refresh.filter((group) => !refresh.has(group))].sort();
  const rows = [...released.filter((row) => !refresh.has(groupOf(row))), ...live.filter((row) => refresh.has(groupOf(row)) && row.n !== 0)];
  return { rows, refreshed: [...refresh].sort(), held };
}

function splitGroup(group: string): [string, string] {
  const space = group.indexOf(' ');
  return [group.slice(0, space), group.slice(space + 1)];
}
