import type { Instrument } from '../instruments/instrument';
import type { FollowUp } from './outcome';
import type { StoredOutcome, StoredSignal } from './stored-outcome';

/**
 * What a screening holds about its highly sensitive items (the SGBV section, one conflict
 * item): their answers and everything in the stored outcome that repeats or names them.
 * The server seals it (AES-GCM, bound to the screening's row) so the table never holds
 * these answers in clear. Each signal and follow-up keeps its place, so merging puts the
 * screening back exactly as scored.
 */
export interface SealedPart {
  format: 1;
  /** Answers to highly sensitive items; null when the screening reused another's answers. */
  responses: Record<string, unknown> | null;
  signals: Array<{ domain: string; index: number; signal: StoredSignal }>;
  followUps: Array<{ index: number; followUp: FollowUp }>;
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

/** Ids of the instrument's highly sensitive items (cached: instruments are immutable). */
const cache = new WeakMap<Instrument, ReadonlySet<string>>();
export function highlySensitiveItemIds(instrument: Instrument): ReadonlySet<string> {
  let ids = cache.get(instrument);
  if (!ids) {
    ids = new Set(instrument.items.filter((item) => item.sensitivity === 'highly_sensitive').map((item) => item.id));
    cache.set(instrument, ids);
  }
  return ids;
}

/** Domains that hold highly sensitive items: what a reader is told was withheld when a sealed part will not open. */
export function highlySensitiveDomains(instrument: Instrument): string[] {
  const ids = highlySensitiveItemIds(instrument);
  return [...new Set(instrument.items.filter((item) => ids.has(item.id)).map((item) => item.domain))].sort();
}

export function splitSensitive(instrument: Instrument, responses: Record<string, unknown> | null, stored: StoredOutcome): SplitScreening {
  const sensitive = highlySensitiveItemIds(instrument);
  const sealed: SealedPart = { format: 1, responses: responses === null ? null : {}, signals: [], followUps: [] };
  let any = false;

  let clearResponses = responses;
  if (responses !== null) {
    const kept: Record<string, unknown> = {};
    for (const [itemId, value] of Object.entries(responses)) {
      if (sensitive.has(itemId)) {
        sealed.responses![itemId] = value;
        any = true;
      } else kept[itemId] = value;
    }
    clearResponses = kept;
  }

  const domains = stored.domains.map((domain) => {
    const signals: StoredSignal[] = [];
    domain.signals.forEach((signal, index) => {
      if (signal.source === 'response' && sensitive.has(signal.itemId)) {
        sealed.signals.push({ domain: domain.domain, index, signal });
        any = true;
      } else signals.push(signal);
    });
    return { ...domain, signals };
  });
  const followUps: FollowUp[] = [];
  stored.followUps.forEach((followUp, index) => {
    if (sensitive.has(followUp.itemId)) {
      sealed.followUps.push({ index, followUp });
      any = true;
    } else followUps.push(followUp);
  });

  if (!any) return { clear: { responses, stored }, sealed: null };
  return { clear: { responses: clearResponses, stored: { ...stored, domains, followUps } }, sealed };
}

/** The screening as scored: the inverse of `splitSensitive`. */
export function mergeSensitive(clear: ClearScreening, sealed: SealedPart | null): ClearScreening {
  if (!sealed) return clear;
  const responses = mergeSensitiveResponses(clear.responses, sealed.responses);
  const domains = clear.stored.domains.map((domain) => {
    const signals = [...domain.signals];
    // Ascending indices: each lands where it was, the later ones after the earlier are back.
    for (const entry of sealed.signals) if (entry.domain === domain.domain) signals.splice(entry.index, 0, entry.signal);
    return { ...domain, signals };
  });
  const followUps = [...clear.stored.followUps];
  for (const entry of sealed.followUps) followUps.splice(entry.index, 0, entry.followUp);
  return { responses, stored: { ...clear.stored, domains, followUps } };
}

/** Merges only the answers: a re-score that reused its source's answers takes them from the source's sealed part. */
export function mergeSensitiveResponses(clear: Record<string, unknown> | null, answers: Record<string, unknown> | null): Record<string, unknown> | null {
  if (clear === null || answers === null) return clear;
  return { ...clear, ...answers };
}
