import type { Instrument } from '../instruments/instrument';
import { TOPIC_OF_DOMAIN, type SensitiveTopic } from './clearance';

/** Where a recommended action came from (core/scoring RecommendedAction). */
export interface ActionSource {
  domain: string | null;
  override: string | null;
}

/** Every item id a condition names, however deeply nested (any/all/not). */
function itemsOf(condition: unknown, found: string[] = []): string[] {
  if (Array.isArray(condition)) for (const part of condition) itemsOf(part, found);
  else if (condition !== null && typeof condition === 'object') {
    for (const [key, value] of Object.entries(condition)) {
      if (key === 'item' && typeof value === 'string') found.push(value);
      else itemsOf(value, found);
    }
  }
  return found;
}

/**
 * The highly sensitive topic a task copied from a screening's recommended action carries:
 * its title says that a section answered a certain way ("GBV case management" says what
 * an SGBV answer was), so it is read under that topic's clearance. A domain's action takes
 * the domain's topic when the domain has highly sensitive items; an override's action the
 * topic of the first highly sensitive item its condition names. Null: anyone who reads the
 * case reads the title. The kept action's own source decides (recommendActions keeps one
 * source per action id, the most urgent).
 */
export function topicOfRecommendedAction(instrument: Instrument, action: ActionSource): SensitiveTopic | null {
  const sensitiveDomains = new Set(instrument.items.filter((item) => item.sensitivity === 'highly_sensitive').map((item) => item.domain));
  // A highly sensitive domain missing from TOPIC_OF_DOMAIN (a test keeps shipped ones mapped)
  // falls back to SGBV, the most closely read topic: it fails safe.
  const topicOf = (domain: string): SensitiveTopic | null =>
    sensitiveDomains.has(domain) ? (TOPIC_OF_DOMAIN[domain] ?? 'sgbv') : null;
  if (action.domain !== null) return topicOf(action.domain);
  const override = instrument.overrides.find((candidate) => candidate.id === action.override);
  if (!override) return null;
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  for (const id of itemsOf(override.when)) {
    const item = items.get(id);
    if (item?.sensitivity === 'highly_sensitive') return topicOf(item.domain);
  }
  return null;
}
