import type { Instrument, Item } from '../instruments/instrument';
import type { FollowUp } from './outcome';
import type { StoredOutcome, StoredSignal } from './stored-outcome';
import { hiddenItemIds, withholdHidden } from './withhold';

/**
 * What a screening holds about its highly sensitive items (the SGBV section, one conflict
 * item): their answers and everything in the stored outcome derived from them. The server
 * seals it (AES-GCM, bound to the screening's row) so the table never holds these answers,
 * nor what they raised, in clear. Each signal and follow-up keeps its place, so merging puts
 * the screening back exactly as scored.
 *
 * Format 1 (before migration 0025) sealed only the answers and the signals and follow-ups
 * naming them; the override ids, levels and compounding they raised stayed in clear.
 * Format 2 also seals `scored`: the decisions as scored wherever the clear part (the
 * screening as if the highly sensitive items had not been asked, see withholdItems) differs.
 */
export interface SealedPart {
  format: 1 | 2;
  /** Answers to highly sensitive items; null when the screening reused another's answers. */
  responses: Record<string, unknown> | null;
  signals: Array<{ domain: string; index: number; signal: StoredSignal }>;
  followUps: Array<{ index: number; followUp: FollowUp }>;
  scored?: {
    /** Level and score as scored of every domain a sealed signal belongs to. */
    domains: Array<{ domain: string; level: StoredOutcome['domains'][number]['level']; score: number }>;
    compounding: StoredOutcome['compounding'];
    overrides: string[];
  };
}

export interface ClearScreening {
  responses: Record<string, unknown> | null;
  stored: StoredOutcome;
}

export interface SplitScreening {
  clear: ClearScreening;
  /** Null when nothing in the screening touches a highly sensitive item (most people). */
  sealed: SealedPart | null;
}

/**
 * Ids of the instrument's highly sensitive items, and of any item asked only because of one
 * (cached: instruments are immutable).
 */
const cache = new WeakMap<Instrument, ReadonlySet<string>>();
export function highlySensitiveItemIds(instrument: Instrument): ReadonlySet<string> {
  let ids = cache.get(instrument);
  if (!ids) {
    ids = hiddenItemIds(instrument, isNotHighlySensitive);
    cache.set(instrument, ids);
  }
  return ids;
}

const isNotHighlySensitive = (item: Item) => item.sensitivity !== 'highly_sensitive';

/** Domains that hold highly sensitive items: what a reader is told was withheld when a sealed part will not open. */
export function highlySensitiveDomains(instrument: Instrument): string[] {
  const ids = highlySensitiveItemIds(instrument);
  return [...new Set(instrument.items.filter((item) => ids.has(item.id)).map((item) => item.domain))].sort();
}

/**
 * The screening as a database may hold it in clear, and what must be sealed. `answers` are
 * the answers it was scored with when `responses` is null (a re-score that reused them).
 */
export function splitSensitive(
  instrument: Instrument,
  responses: Record<string, unknown> | null,
  stored: StoredOutcome,
  answers: Record<string, unknown> | null = responses,
): SplitScreening {
  const sensitive = highlySensitiveItemIds(instrument);
  const sealed: SealedPart = { format: 2, responses: responses === null ? null : {}, signals: [], followUps: [] };
  let any = false;

  if (responses !== null) {
    for (const [itemId, value] of Object.entries(responses)) {
      if (sensitive.has(itemId)) {
        sealed.responses![itemId] = value;
        any = true;
      }
    }
  }
  const touched = new Set<string>();
  for (const domain of stored.domains) {
    domain.signals.forEach((signal, index) => {
      if (signal.source === 'response' && sensitive.has(signal.itemId)) {
        sealed.signals.push({ domain: domain.domain, index, signal });
        touched.add(domain.domain);
        any = true;
      }
    });
  }
  stored.followUps.forEach((followUp, index) => {
    if (sensitive.has(followUp.itemId)) {
      sealed.followUps.push({ index, followUp });
      any = true;
    }
  });
  const view = withholdHidden(instrument, stored, responses, sensitive, answers);
  if (view.stored.overrides.length !== stored.overrides.length) any = true;
  if (!any) return { clear: { responses, stored }, sealed: null };

  sealed.scored = {
    domains: stored.domains.filter((domain) => touched.has(domain.domain)).map(({ domain, level, score }) => ({ domain, level, score })),
    compounding: stored.compounding,
    overrides: stored.overrides,
  };
  return { clear: { responses: view.responses, stored: { ...view.stored, sealedFormat: 2 } }, sealed };
}

/** The screening as scored: the inverse of `splitSensitive` (either format). */
export function mergeSensitive(instrument: Instrument, clear: ClearScreening, sealed: SealedPart | null): ClearScreening {
  if (!sealed) return clear;
  const responses = mergeSensitiveResponses(clear.responses, sealed.responses);
  const { sealedFormat: _format, ...clearStored } = clear.stored;
  const byDomain = new Map(clearStored.domains.map((domain) => [domain.domain, domain]));
  const scoredLevels = new Map((sealed.scored?.domains ?? []).map((domain) => [domain.domain, domain]));
  const domains: StoredOutcome['domains'] = [];
  for (const { id } of instrument.domains) {
    const kept = byDomain.get(id);
    const returning = sealed.signals.filter((entry) => entry.domain === id);
    if (!kept && returning.length === 0) continue;
    const signals = [...(kept?.signals ?? [])];
    // Ascending indices: each lands where it was, the later ones after the earlier are back.
    for (const entry of returning) signals.splice(entry.index, 0, entry.signal);
    const levelled = scoredLevels.get(id);
    domains.push({ ...(kept ?? { domain: id, level: 'low', score: 0 }), ...(levelled ? { level: levelled.level, score: levelled.score } : {}), signals });
  }
  const followUps = [...clearStored.followUps];
  for (const entry of sealed.followUps) followUps.splice(entry.index, 0, entry.followUp);
  const scored = sealed.scored ? { compounding: sealed.scored.compounding, overrides: sealed.scored.overrides } : {};
  return { responses, stored: { ...clearStored, ...scored, domains, followUps } };
}

/** Merges only the answers: a re-score that reused its source's answers takes them from the source's sealed part. */
export function mergeSensitiveResponses(clear: Record<string, unknown> | null, answers: Record<string, unknown> | null): Record<string, unknown> | null {
  if (clear === null || answers === null) return clear;
  return { ...clear, ...answers };
}
