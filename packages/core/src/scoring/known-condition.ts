import type { Condition } from '../instruments/condition';
import { comparisonTest } from './evaluate-condition';

/** True, false, or unknown (undefined): what a condition is to someone who may not see every answer. */
export type Known = boolean | undefined;

/**
 * A condition evaluated in Kleene's three-valued logic by a reader who sees only some
 * answers and none of the registration facts: an item in `hidden` and every fact are
 * unknown, so `not` of an unknown stays unknown. True means the visible answers alone make
 * the condition hold whatever the hidden answers and facts are; anything less means the
 * hidden answers (or facts) may be why it held, and an override raised by it says so.
 */
export function evaluateKnown(condition: Condition, answers: ReadonlyMap<string, unknown>, hidden: ReadonlySet<string>): Known {
  if ('all' in condition) {
    let result: Known = true;
    for (const part of condition.all) {
      const value = evaluateKnown(part, answers, hidden);
      if (value === false) return false;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Known = false;
    for (const part of condition.any) {
      const value = evaluateKnown(part, answers, hidden);
      if (value === true) return true;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const value = evaluateKnown(condition.not, answers, hidden);
    return value === undefined ? undefined : !value;
  }
  if ('fact' in condition) return undefined;
  if (hidden.has(condition.item)) return undefined;
  return comparisonTest(condition)(answers.get(condition.item) as Parameters<ReturnType<typeof comparisonTest>>[0]);
}
