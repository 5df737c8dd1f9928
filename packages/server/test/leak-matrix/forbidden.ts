import { highlySensitiveItemIds, isChoiceItem, type Instrument, type Item, type LocalizedText } from '@waymark/core';

/** A string that must not reach a reader, and why (for the failure report). */
export interface Forbidden {
  text: string;
  what: string;
}

/** The parts of a screening as the API answers it that the matrix compares. */
export interface ScreeningView {
  overrides: { id: string; why: LocalizedText }[];
  recommendedActions: { id: string; label: LocalizedText }[];
  explanation: Record<string, string[]>;
}

const texts = (text: LocalizedText | undefined): string[] => Object.values(text ?? {});

/**
 * Values, labels and indicators an item of the instrument a reader does read also uses
 * ("yes", "No", "Yes, now"): they appear legitimately, so only the item's id, words and
 * reasons say it was answered. Shorter than four characters is never distinctive.
 */
function commonWords(instrument: Instrument): Set<string> {
  const sensitive = highlySensitiveItemIds(instrument);
  const common = new Set<string>();
  for (const item of instrument.items) {
    if (sensitive.has(item.id) || !isChoiceItem(item)) continue;
    for (const choice of item.choices) {
      common.add(choice.value);
      for (const label of texts(choice.label)) common.add(label);
      if (choice.indicator) common.add(choice.indicator);
    }
  }
  for (const derived of instrument.derivedIndicators) common.add(derived.indicator);
  return common;
}

/** Everything that names or repeats an answer to this item: its id, words, choices and their reasons, in every language. */
export function itemStrings(instrument: Instrument, item: Item): Forbidden[] {
  const common = commonWords(instrument);
  const found: Forbidden[] = [{ text: item.id, what: `item id ${item.id}` }];
  const add = (text: string, what: string) => {
    if (text.length >= 4 && !common.has(text)) found.push({ text, what: `${what} of ${item.id}` });
  };
  for (const label of texts(item.label)) add(label, 'label');
  for (const help of texts(item.help)) add(help, 'help');
  const markings = isChoiceItem(item) ? item.choices : item.bands;
  for (const marking of markings) {
    if ('value' in marking) add(marking.value, 'choice value');
    if ('label' in marking) for (const label of texts(marking.label)) add(label, 'choice label');
    for (const why of texts(marking.why)) add(why, 'reason');
    if (marking.indicator) {
      add(marking.indicator, 'indicator');
      for (const label of texts(instrument.indicators.find((indicator) => indicator.id === marking.indicator)?.label)) add(label, 'indicator label');
    }
  }
  return found;
}

/**
 * What the hidden answers raised: override ids and reasons, actions and their labels, and
 * every explanation line a cleared reader sees that the same person screened without those
 * answers (the twin) does not, the overall-level line aside (that level stays visible).
 */
export function derivedStrings(cleared: ScreeningView, twin: ScreeningView): Forbidden[] {
  const found: Forbidden[] = [];
  const twinOverrides = new Set(twin.overrides.map((override) => override.id));
  for (const override of cleared.overrides) {
    if (twinOverrides.has(override.id)) continue;
    found.push({ text: override.id, what: `override ${override.id}` });
    for (const why of texts(override.why)) found.push({ text: why, what: `reason of override ${override.id}` });
  }
  const twinActions = new Set(twin.recommendedActions.map((action) => action.id));
  for (const action of cleared.recommendedActions) {
    if (twinActions.has(action.id)) continue;
    found.push({ text: action.id, what: `action ${action.id}` });
    for (const label of texts(action.label)) found.push({ text: label, what: `label of action ${action.id}` });
  }
  for (const [locale, lines] of Object.entries(cleared.explanation)) {
    const twinLines = new Set((twin.explanation[locale] ?? []).slice(1));
    for (const line of lines.slice(1)) if (!twinLines.has(line)) found.push({ text: line, what: `explanation line (${locale})` });
  }
  return found;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** The forbidden strings found in a text (as written, JSON-escaped, or wrapped onto lines in a PDF). */
export function leaksIn(text: string, forbidden: readonly Forbidden[]): Forbidden[] {
  const flat = squash(text);
  return forbidden.filter(({ text: needle }) => {
    const escaped = JSON.stringify(needle).slice(1, -1);
    return flat.includes(squash(needle)) || flat.includes(squash(escaped));
  });
}

/** One entry per string (the same label is forbidden for many women): fewer searches, the same answer. */
export function distinct(forbidden: readonly Forbidden[]): Forbidden[] {
  const seen = new Map<string, Forbidden>();
  for (const entry of forbidden) if (!seen.has(entry.text)) seen.set(entry.text, entry);
  return [...seen.values()];
}

/** LIKE patterns finding each string as written or JSON-escaped (as `to_jsonb(row)::text` writes it). */
export function likePatterns(forbidden: readonly Forbidden[]): string[] {
  const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [...new Set(forbidden.flatMap(({ text }) => [like(text), like(JSON.stringify(text).slice(1, -1))]))];
}
