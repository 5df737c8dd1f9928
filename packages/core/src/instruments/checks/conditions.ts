import { itemComparisons, referencedItems, type Condition, type ItemCondition } from '../condition';
import { PREFER_NOT_TO_ANSWER, isChoiceItem, type Instrument, type Item } from '../instrument';
import { problem, type InstrumentProblem, type ProblemPath } from '../problems';

function comparedValues(comparison: ItemCondition): unknown[] {
  if ('equals' in comparison) return [comparison.equals];
  if ('in' in comparison) return comparison.in;
  if ('includes' in comparison) return [comparison.includes];
  return [];
}

/** A condition on a choice item can only compare with one of its choices. */
function checkComparedChoices(condition: Condition, items: Map<string, Item>, path: ProblemPath) {
  const found: InstrumentProblem[] = [];
  for (const comparison of itemComparisons(condition)) {
    const item = items.get(comparison.item);
    if (!item || !isChoiceItem(item)) continue;
    const allowed = new Set([PREFER_NOT_TO_ANSWER, ...item.choices.map((c) => c.value)]);
    for (const value of comparedValues(comparison)) {
      if (typeof value !== 'string' || !allowed.has(value)) {
        found.push(problem('unknown_choice_reference', path, `"${String(value)}" is not a choice of "${item.id}"`));
      }
    }
  }
  return found;
}

/** Show-if only looks back (so it can never loop); overrides see every item; registration rules see none. */
export function checkConditions(instrument: Instrument): InstrumentProblem[] {
  const found: InstrumentProblem[] = [];
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const position = new Map(instrument.items.map((item, index) => [item.id, index]));

  instrument.items.forEach((item, i) => {
    if (!item.showIf) return;
    const path: ProblemPath = ['items', i, 'showIf'];
    for (const ref of referencedItems(item.showIf)) {
      const at = position.get(ref);
      if (at === undefined) found.push(problem('unknown_item_reference', path, `no item "${ref}"`));
      else if (at >= i) found.push(problem('forward_reference', path, `"${ref}" is not asked before "${item.id}"`));
    }
    found.push(...checkComparedChoices(item.showIf, items, path));
  });

  instrument.overrides.forEach((override, o) => {
    const path: ProblemPath = ['overrides', o, 'when'];
    for (const ref of referencedItems(override.when)) {
      if (!items.has(ref)) found.push(problem('unknown_item_reference', path, `no item "${ref}"`));
    }
    found.push(...checkComparedChoices(override.when, items, path));
  });

  instrument.derivedIndicators.forEach((derived, d) => {
    if (referencedItems(derived.when).length > 0) {
      found.push(
        problem('item_in_registration_rule', ['derivedIndicators', d, 'when'], 'a registration rule uses facts only'),
      );
    }
  });
  return found;
}
