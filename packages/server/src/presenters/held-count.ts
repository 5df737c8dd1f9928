import { publishCount, type KeyedCount } from '@waymark/core';

/**
 * A count of people held by the record's holder, as this reader may see it: exact when the
 * record is in the reader's scope (they hold those people's work), otherwise published by
 * the cell-key method like any aggregate (null when under the operation's k), from the
 * people's record keys: another agency's count of one or two does not single anyone out, and
 * the enrolled count is the same number as the coverage's targeted total for the same people.
 */
export function countForReader(count: KeyedCount, inReadersScope: boolean, k: number): number | null {
  if (inReadersScope) return count.n;
  return publishCount(count, k);
}
