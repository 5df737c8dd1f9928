import type { Instrument, Item } from '../instruments/instrument';
import { indexOf } from './instrument-index';
import type { StoredOutcome } from './stored-outcome';

export interface WithheldSection {
  domain: string;
  /** How many answers of this domain were withheld from this reader. */
  answers: number;
}

export interface Withheld<R> {
  stored: StoredOutcome;
  responses: R | null;
  /** That a highly sensitive section exists, never its content. */
  withheld: WithheldSection[];
}

/**
 * A screening as one reader may see it: answers to items the reader may not read are
 * removed, with the signals and follow-ups they produced, before the explanation is put
 * back, so no sentence can repeat them. Domain levels, the overall level and overrides
 * stay: acting on risk needs them, and they say that, not what.
 */
export function withholdItems<R extends Record<string, unknown>>(
  instrument: Instrument,
  stored: StoredOutcome,
  responses: R | null,
  mayRead: (item: Item) => boolean,
): Withheld<R> {
  const index = indexOf(instrument);
  const hidden = new Set<string>();
  for (const item of instrument.items) if (!mayRead(item)) hidden.add(item.id);
  if (hidden.size === 0) return { stored, responses, withheld: [] };

  const counts = new Map<string, number>();
  let visibleResponses: R | null = responses;
  if (responses !== null) {
    const kept: Record<string, unknown> = {};
    for (const [itemId, value] of Object.entries(responses)) {
      if (hidden.has(itemId)) {
        const domain = index.items.get(itemId)?.domain ?? 'unknown';
        counts.set(domain, (counts.get(domain) ?? 0) + 1);
      } else kept[itemId] = value;
    }
    visibleResponses = kept as R;
  }
  for (const domain of stored.domains) {
    for (const signal of domain.signals) {
      if (signal.source === 'response' && hidden.has(signal.itemId) && !counts.has(domain.domain)) counts.set(domain.domain, 0);
    }
  }
  const visible: StoredOutcome = {
    ...stored,
    domains: stored.domains.map((domain) => ({
      ...domain,
      signals: domain.signals.filter((signal) => signal.source !== 'response' || !hidden.has(signal.itemId)),
    })),
    followUps: stored.followUps.filter((followUp) => !hidden.has(followUp.itemId)),
  };
  return {
    stored: visible,
    responses: visibleResponses,
    withheld: [...counts].map(([domain, answers]) => ({ domain, answers })).sort((a, b) => a.domain.localeCompare(b.domain)),
  };
}
