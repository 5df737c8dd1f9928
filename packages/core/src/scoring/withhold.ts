import { referencedItems, type Condition } from '../instruments/condition';
import type { Instrument, Item } from '../instruments/instrument';
import { indexOf } from './instrument-index';
import { evaluateKnown } from './known-condition';
import { compound, domainLevel } from './levels';
import type { StoredOutcome } from './stored-outcome';

export interface WithheldSection {
  /** A domain holding items this reader may not read: it is listed whatever was answered. */
  domain: string;
}

export interface Withheld<R> {
  stored: StoredOutcome;
  responses: R | null;
  /** That a highly sensitive section exists, never its content. */
  withheld: WithheldSection[];
}

/**
 * The items a reader may not read, and every item asked only because of one of them (its
 * show-if names a hidden item, however indirectly): that such an item was answered at all
 * says what the hidden answer was.
 */
export function hiddenItemIds(instrument: Instrument, mayRead: (item: Item) => boolean): Set<string> {
  const hidden = new Set<string>();
  // Show-if only names earlier items (validated), so one pass in order closes the set.
  for (const item of instrument.items) {
    if (!mayRead(item) || (item.showIf !== undefined && referencedItems(item.showIf).some((id) => hidden.has(id)))) hidden.add(item.id);
  }
  return hidden;
}

/**
 * A screening as one reader may see it: as if the items they may not read had never been
 * asked. Their answers go, with the signals and follow-ups they produced; each domain
 * they touched is levelled and scored again from the signals left (and left out when none
 * is), compounding is worked out again from those levels, and an override is kept only
 * when the visible answers alone make its rule hold (three-valued: a hidden answer or a
 * registration fact is unknown). Recommended actions and the explanation are put back from
 * what is left, so no id, word or number derived from a hidden answer survives.
 *
 * The overall level stays as scored: whoever reads the person must be able to act on how
 * urgent they are. `withheld` lists every domain holding a hidden item, whatever was
 * answered, so the list itself says nothing about the answers (a count of answers would:
 * the follow-up questions are asked only after a disclosure).
 *
 * `answers` are the answers the screening was scored with, for the override rules, when
 * `responses` is not them (a re-score that reused another screening's answers).
 */
export function withholdItems<R extends Record<string, unknown>>(
  instrument: Instrument,
  stored: StoredOutcome,
  responses: R | null,
  mayRead: (item: Item) => boolean,
  answers: Record<string, unknown> | null = responses,
): Withheld<R> {
  return withholdHidden(instrument, stored, responses, hiddenItemIds(instrument, mayRead), answers);
}

/** The domains holding hidden items, sorted; once per hidden set (the sealing one is cached). */
const domainsCache = new WeakMap<ReadonlySet<string>, string[]>();
function domainsOf(instrument: Instrument, hidden: ReadonlySet<string>): string[] {
  let domains = domainsCache.get(hidden);
  if (!domains) {
    domains = [...new Set(instrument.items.filter((item) => hidden.has(item.id)).map((item) => item.domain))].sort();
    domainsCache.set(hidden, domains);
  }
  return domains;
}

/** Rule items referenced by each override, once per override (instruments are immutable). */
const referenced = new WeakMap<object, string[]>();
const itemsOfRule = (when: Condition): string[] => {
  let ids = referenced.get(when);
  if (!ids) {
    ids = referencedItems(when);
    referenced.set(when, ids);
  }
  return ids;
};

/** As withholdItems, with the hidden items already worked out (a bulk split reuses one set). */
export function withholdHidden<R extends Record<string, unknown>>(
  instrument: Instrument,
  stored: StoredOutcome,
  responses: R | null,
  hidden: ReadonlySet<string>,
  answers: Record<string, unknown> | null = responses,
): Withheld<R> {
  if (hidden.size === 0) return { stored, responses, withheld: [] };
  const index = indexOf(instrument);

  let visibleResponses: R | null = responses;
  if (responses !== null) {
    visibleResponses = Object.fromEntries(Object.entries(responses).filter(([itemId]) => !hidden.has(itemId))) as R;
  }

  let domainsChanged = false;
  const domains: StoredOutcome['domains'] = [];
  for (const domain of stored.domains) {
    const signals = domain.signals.filter((signal) => signal.source !== 'response' || !hidden.has(signal.itemId));
    if (signals.length === domain.signals.length) {
      domains.push(domain);
      continue;
    }
    domainsChanged = true;
    if (signals.length === 0) continue;
    const rules = index.domains.get(domain.domain)?.levelRules;
    const levelled = rules ? domainLevel(rules, signals) : { level: domain.level, score: signals.reduce((sum, s) => sum + s.weight, 0) };
    domains.push({ ...domain, ...levelled, signals });
  }
  const compounding = domainsChanged ? compound(domains.map((domain) => domain.level), instrument.compounding) : stored.compounding;

  let visibleAnswers: Map<string, unknown> | undefined;
  const overrides = stored.overrides.filter((id) => {
    const override = instrument.overrides.find((candidate) => candidate.id === id);
    if (!override) return false;
    if (!itemsOfRule(override.when).some((itemId) => hidden.has(itemId))) return true;
    visibleAnswers ??= new Map(Object.entries(answers ?? {}).filter(([itemId]) => !hidden.has(itemId)));
    return evaluateKnown(override.when, visibleAnswers, hidden) === true;
  });

  const withheldDomains = domainsOf(instrument, hidden);
  return {
    stored: {
      ...stored,
      domains,
      compounding,
      overrides,
      followUps: stored.followUps.filter((followUp) => !hidden.has(followUp.itemId)),
    },
    responses: visibleResponses,
    withheld: withheldDomains.map((domain) => ({ domain })),
  };
}
