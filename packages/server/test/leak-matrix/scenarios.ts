import {
  isChoiceItem,
  PREFER_NOT_TO_ANSWER,
  shippedInstruments,
  type Condition,
  type Instrument,
  type Item,
} from '@waymark/core';

/**
 * One cell of the leak matrix's first axis: a highly sensitive item of a shipped
 * instrument answered one way (each choice, each band, and "prefer not to answer"), with
 * whatever earlier answers its show-if needs. Generated from the instruments: a new
 * highly sensitive item or choice joins the matrix by itself.
 */
export interface Scenario {
  label: string;
  instrument: Instrument;
  item: Item;
  value: unknown;
  /** Everything answered: the item and what its show-if asked for first. */
  answers: Record<string, unknown>;
}

export function highlySensitiveItems(instrument: Instrument): Item[] {
  return instrument.items.filter((item) => item.sensitivity === 'highly_sensitive');
}

/** The latest version of each shipped instrument: the ones a screening is made with. */
export function currentInstruments(): Instrument[] {
  const latest = new Map<string, Instrument>();
  for (const instrument of shippedInstruments) {
    const seen = latest.get(instrument.id);
    if (!seen || instrument.version > seen.version) latest.set(instrument.id, instrument);
  }
  return [...latest.values()];
}

export function scenarios(): Scenario[] {
  const found: Scenario[] = [];
  for (const instrument of currentInstruments()) {
    const items = new Map(instrument.items.map((item) => [item.id, item]));
    for (const item of highlySensitiveItems(instrument)) {
      for (const value of [...valuesOf(item), PREFER_NOT_TO_ANSWER]) {
        const answers = { ...satisfy(item.showIf, items), [item.id]: value };
        found.push({ label: `${instrument.id} v${instrument.version} ${item.id} = ${JSON.stringify(value)}`, instrument, item, value, answers });
      }
    }
  }
  return found;
}

/** One answer per choice or band of the item. */
function valuesOf(item: Item): unknown[] {
  if (isChoiceItem(item)) return item.choices.map((choice) => (item.type === 'multiple_choice' ? [choice.value] : choice.value));
  if (item.type === 'number') return item.bands.map((band) => band.min ?? band.max ?? item.min ?? 0);
  return item.bands.map((band) => band.from ?? band.to ?? item.min ?? '2026-01-01');
}

/**
 * Answers that make a show-if hold for an adult (the matrix screens women of 30, so facts
 * such as "not a young child" hold): the first way through `any`, every part of `all`.
 * The server refuses answers to items that do not apply, so a show-if this cannot satisfy
 * fails the matrix's set-up loudly rather than leaving a cell out.
 */
function satisfy(condition: Condition | undefined, items: Map<string, Item>): Record<string, unknown> {
  if (condition === undefined || 'fact' in condition || 'not' in condition) return {};
  if ('all' in condition) return Object.assign({}, ...condition.all.map((part) => satisfy(part, items)));
  if ('any' in condition) return satisfy(condition.any[0], items);
  const item = items.get(condition.item);
  const value =
    'equals' in condition ? condition.equals
    : 'in' in condition ? condition.in[0]
    : 'includes' in condition ? [condition.includes]
    : 'gte' in condition ? condition.gte
    : condition.lt - 1;
  return { ...satisfy(item?.showIf, items), [condition.item]: value };
}
