import type { Domain, Indicator, Instrument, Item } from '../instruments/instrument';

export interface InstrumentIndex {
  items: Map<string, Item>;
  /** Choice values of each choice item. */
  choiceValues: Map<string, Set<string>>;
  indicators: Map<string, Indicator>;
  domains: Map<string, Domain>;
}

// Instruments are immutable data scored many times (a whole population at once), so
// their lookups are built once per instrument object.
const cache = new WeakMap<Instrument, InstrumentIndex>();

export function indexOf(instrument: Instrument): InstrumentIndex {
  let index = cache.get(instrument);
  if (!index) {
    index = {
      items: new Map(instrument.items.map((i) => [i.id, i])),
      choiceValues: new Map(
        instrument.items.flatMap((i) => ('choices' in i ? [[i.id, new Set(i.choices.map((c) => c.value))] as const] : [])),
      ),
      indicators: new Map(instrument.indicators.map((i) => [i.id, i])),
      domains: new Map(instrument.domains.map((d) => [d.id, d])),
    };
    cache.set(instrument, index);
  }
  return index;
}
