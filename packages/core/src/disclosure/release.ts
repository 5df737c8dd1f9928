/**
 * Releases: what readers who may see aggregates only are shown (docs/ARCHITECTURE.md,
 * "Releases: what aggregate-only readers see").
 *
 * The cell-key method gives the same people the same number on every day. That is what
 * stops averaging, and it is also why a live table asked before and after one registration
 * changes only in the cells the newcomer joined: "changed" means "someone in it changed",
 * exactly. A release breaks that link: an area's figures move only together with at least k
 * people's, so any change a reader sees could be any of them.
 *
 * What moved in an area is read from the population ledger: the live rows against the
 * released ones, row by row (a row is one combination of every counted dimension). A row
 * whose count moved by d moved at least d people; a row whose count stayed but whose key sum
 * did not saw at least one leave and one come. One person moves at most two rows (out of one,
 * into another), and a net change of c in the area is at least c people, so the number of
 * people who changed is at least max(|net|, ⌈movements / 2⌉).
 */
export interface AreaChange {
  /** The area code persons carry; '' for people with none. */
  area: string;
  /** Released people minus live people in the area (signed). */
  net: number;
  /** Σ |count moved| over rows, plus 2 for each row whose count stayed and keys did not. */
  movements: number;
}

/** The fewest people whose figures can have changed in the area (see above). */
export function peopleChangedAtLeast(change: AreaChange): number {
  return Math.max(Math.abs(change.net), Math.ceil(change.movements / 2));
}

export interface ReleasePlan {
  /** Areas whose released rows are replaced by their live rows now. */
  refresh: string[];
  /** Areas where something moved, but fewer than k people for certain: they keep their released rows. */
  held: string[];
}

/**
 * Which areas a release cut may refresh: those where at least k people changed. An area
 * never released has its whole population as its change, so it first appears with at least
 * k people. Areas where nothing moved are neither.
 */
export function planRelease(changes: readonly AreaChange[], k: number): ReleasePlan {
  const refresh: string[] = [];
  const held: string[] = [];
  for (const change of changes) {
    if (change.movements === 0 && change.net === 0) continue;
    (peopleChangedAtLeast(change) >= k ? refresh : held).push(change.area);
  }
  return { refresh: refresh.sort(), held: held.sort() };
}
