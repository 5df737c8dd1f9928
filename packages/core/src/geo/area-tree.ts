/** Admin levels run from 1 (a country's first subdivision) to 5, as admin_areas allows. */
export const MAX_ADMIN_LEVEL = 5;

export interface TreeArea {
  code: string;
  level: number;
  parentCode: string | null;
}

/**
 * The hierarchy of an operation's admin areas, every walk of it bounded. The database keeps
 * each parent exactly one level up (migration 0029), but a walk must not trust that: a
 * cycle once made the map's aggregates spin for ever, so a step that does not go up a level,
 * or comes back to an area already seen, ends the walk.
 */
export interface AreaTree<T extends TreeArea = TreeArea> {
  area(code: string): T | undefined;
  /** The area itself if at `level` or above, else its ancestor at `level`, or the highest one reached. */
  ancestorAt(code: string, level: number): string;
  /** Every area under this one, at any depth (not the area itself). */
  descendantsOf(code: string): string[];
  childrenOf(code: string): readonly T[];
}

export function areaTree<T extends TreeArea>(areas: readonly T[]): AreaTree<T> {
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const children = new Map<string, T[]>();
  for (const area of areas) {
    if (area.parentCode === null || area.parentCode === area.code) continue;
    const siblings = children.get(area.parentCode);
    if (siblings) siblings.push(area);
    else children.set(area.parentCode, [area]);
  }
  const parentOf = (area: T): T | undefined => {
    const parent = area.parentCode === null ? undefined : byCode.get(area.parentCode);
    return parent !== undefined && parent.level < area.level ? parent : undefined;
  };

  return {
    area: (code) => byCode.get(code),
    ancestorAt(code, level) {
      let area = byCode.get(code);
      if (!area) return code;
      // Levels fall at every step taken, so there are at most MAX_ADMIN_LEVEL of them.
      for (let steps = 0; area.level > level && steps < MAX_ADMIN_LEVEL; steps++) {
        const parent = parentOf(area);
        if (!parent) break;
        area = parent;
      }
      return area.code;
    },
    descendantsOf(code) {
      const seen = new Set([code]);
      const found: string[] = [];
      let frontier = [code];
      for (let depth = 0; frontier.length > 0 && depth < MAX_ADMIN_LEVEL; depth++) {
        const next: string[] = [];
        for (const parent of frontier) {
          const parentLevel = byCode.get(parent)?.level ?? 0;
          for (const child of children.get(parent) ?? []) {
            if (seen.has(child.code) || child.level <= parentLevel) continue;
            seen.add(child.code);
            found.push(child.code);
            next.push(child.code);
          }
        }
        frontier = next;
      }
      return found;
    },
    childrenOf: (code) => (children.get(code) ?? []).filter((child) => child.level > (byCode.get(code)?.level ?? 0)),
  };
}
