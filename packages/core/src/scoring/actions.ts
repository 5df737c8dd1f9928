import { URGENCIES, type Instrument, type Urgency } from '../instruments/instrument';
import { indexOf } from './instrument-index';
import { levelRank } from './levels';
import type { DomainOutcome, RecommendedAction, TriggeredOverride } from './outcome';

/** Suggestions from domains at their level and from overrides; one per action id, the most urgent kept. */
export function recommendActions(
  instrument: Instrument,
  domains: DomainOutcome[],
  overrides: TriggeredOverride[],
): RecommendedAction[] {
  const suggested: RecommendedAction[] = [];
  for (const override of overrides) {
    for (const action of override.actions) {
      suggested.push({ id: action.id, domain: null, override: override.id, label: action.label, urgency: action.urgency });
    }
  }
  for (const outcome of domains) {
    if (outcome.level === 'low') continue;
    const urgency: Urgency = instrument.actionUrgency[outcome.level];
    const domain = indexOf(instrument).domains.get(outcome.domain);
    for (const action of domain?.actions ?? []) {
      if (levelRank(outcome.level) < levelRank(action.minLevel ?? 'medium')) continue;
      suggested.push({ id: action.id, domain: domain?.id ?? null, override: null, label: action.label, urgency });
    }
  }
  const byId = new Map<string, RecommendedAction>();
  for (const action of suggested) {
    const kept = byId.get(action.id);
    if (!kept || URGENCIES.indexOf(action.urgency) < URGENCIES.indexOf(kept.urgency)) byId.set(action.id, action);
  }
  // Stable sort: within one urgency, overrides first, then domains in instrument order.
  return [...byId.values()].sort((a, b) => URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency));
}
