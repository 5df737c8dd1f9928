import type { DerivedIndicator, Instrument, LocalizedText, RiskMarking } from '../instruments/instrument';
import { recommendActions } from './actions';
import { explain } from './explain';
import { indexOf } from './instrument-index';
import type { DomainOutcome, ScreeningOutcome, Signal, TriggeredOverride } from './outcome';

/**
 * What a screening stores: every decision (levels, scores, each signal with the answer or
 * fact, its indicator, strength and weight, the overrides, compounding, follow-ups) but
 * none of the words. The words (why each signal matters, action labels, the plain-language
 * explanation) live once in the versioned instrument, which is immutable once shipped, and
 * are put back by `expandOutcome`. A stored screening is about a tenth of the full outcome.
 */
export interface StoredOutcome {
  format: 1;
  instrumentId: string;
  instrumentVersion: number;
  ruleVersion: string;
  riskLevel: ScreeningOutcome['riskLevel'];
  /** Domains with at least one signal; the others are low with score 0. */
  domains: Array<Omit<DomainOutcome, 'signals'> & { signals: StoredSignal[] }>;
  overrides: string[];
  compounding: ScreeningOutcome['compounding'];
  followUps: ScreeningOutcome['followUps'];
  /**
   * Set on the clear part of a split screening (split-sensitive.ts) whose sealed part is of
   * this format: 2 means the clear part is the screening as if its highly sensitive items had
   * not been asked. Absent on a screening with nothing sealed, and on format-1 clear parts.
   */
  sealedFormat?: 2;
}

export type StoredSignal = DistributiveOmit<Signal, 'why'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function compactOutcome(outcome: Omit<ScreeningOutcome, 'explanation'>): StoredOutcome {
  return {
    format: 1,
    instrumentId: outcome.instrumentId,
    instrumentVersion: outcome.instrumentVersion,
    ruleVersion: outcome.ruleVersion,
    riskLevel: outcome.riskLevel,
    domains: outcome.domains
      .filter((domain) => domain.signals.length > 0)
      .map((domain) => ({
        ...domain,
        signals: domain.signals.map(({ why: _why, ...signal }) => signal),
      })),
    overrides: outcome.overrides.map((override) => override.id),
    compounding: outcome.compounding,
    followUps: outcome.followUps,
  };
}

/** The full outcome again, words from `instrument` (which must be the version that scored it). */
export function expandOutcome(instrument: Instrument, stored: StoredOutcome): ScreeningOutcome {
  if (instrument.id !== stored.instrumentId || instrument.version !== stored.instrumentVersion) {
    throw new Error(`outcome of ${stored.instrumentId} v${stored.instrumentVersion} expanded with ${instrument.id} v${instrument.version}`);
  }
  const byDomain = new Map(stored.domains.map((domain) => [domain.domain, domain]));
  const domains: DomainOutcome[] = instrument.domains.map((domain) => {
    const kept = byDomain.get(domain.id);
    if (!kept) return { domain: domain.id, level: 'low', score: 0, signals: [] };
    return { ...kept, signals: kept.signals.map((signal) => ({ ...signal, why: whyOf(instrument, signal) }) as Signal) };
  });
  const overrides: TriggeredOverride[] = stored.overrides.map((id) => {
    const override = instrument.overrides.find((candidate) => candidate.id === id);
    if (!override) throw new Error(`override ${id} is not in ${instrument.id} v${instrument.version}`);
    return { id, why: override.why, actions: override.actions };
  });
  const assessed = {
    instrumentId: stored.instrumentId,
    instrumentVersion: stored.instrumentVersion,
    ruleVersion: stored.ruleVersion,
    riskLevel: stored.riskLevel,
    domains,
    overrides,
    compounding: stored.compounding,
    recommendedActions: recommendActions(instrument, domains, overrides),
    followUps: stored.followUps,
  };
  return { ...assessed, explanation: explain(instrument, assessed) };
}

function whyOf(instrument: Instrument, signal: StoredSignal): LocalizedText {
  if (signal.source === 'registration') {
    const derived = instrument.derivedIndicators.find(
      (candidate: DerivedIndicator) => candidate.indicator === signal.indicator && candidate.fact === signal.fact,
    );
    if (derived) return derived.why;
  } else {
    const item = indexOf(instrument).items.get(signal.itemId);
    const markings: RiskMarking[] = !item ? [] : 'choices' in item ? item.choices.filter((c) => c.value === signal.answer) : item.bands;
    const marking = markings.find((m) => m.indicator === signal.indicator && m.weight === signal.weight && m.why);
    if (marking?.why) return marking.why;
  }
  throw new Error(`no reason for indicator ${signal.indicator} in ${instrument.id} v${instrument.version}`);
}
