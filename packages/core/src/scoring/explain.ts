import type { Instrument, LocalizedText } from '../instruments/instrument';
import { phrasesFor, type ExplanationPhrases } from './explanation-phrases';
import { indexOf } from './instrument-index';
import type { FactValue, LocalizedLines, ScreeningOutcome, Signal } from './outcome';

type Explained = Omit<ScreeningOutcome, 'explanation'>;

function textIn(locale: string) {
  return (text: LocalizedText | undefined): string => text?.[locale] ?? text?.en ?? '';
}

function factText(value: FactValue, p: ExplanationPhrases): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? p.yes : p.no;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  return String(value);
}

function signalLine(signal: Signal, instrument: Instrument, locale: string): string {
  const p = phrasesFor(locale);
  const t = textIn(locale);
  const index = indexOf(instrument);
  const indicator = t(index.indicators.get(signal.indicator)?.label) || signal.indicator;
  const strength = p.strength[signal.strength];
  if (signal.source === 'registration') {
    return p.fromRecord(indicator, strength, signal.weight, p.fact[signal.fact], factText(signal.answer, p), t(signal.why));
  }
  const item = index.items.get(signal.itemId);
  const choice = item && 'choices' in item ? item.choices.find((c) => c.value === signal.answer) : undefined;
  const answer = choice ? t(choice.label) : String(signal.answer);
  return p.fromAnswer(indicator, strength, signal.weight, answer, t(item?.label), t(signal.why));
}

function linesIn(locale: string, instrument: Instrument, outcome: Explained): string[] {
  const p = phrasesFor(locale);
  const t = textIn(locale);
  const index = indexOf(instrument);
  const { compounding } = outcome;
  const lines = [p.overall(p.level[outcome.riskLevel])];
  for (const override of outcome.overrides) lines.push(p.override(t(override.why)));
  lines.push(
    compounding.applied
      ? p.compounded(p.level[compounding.levelBefore], p.level[compounding.levelAfter], compounding.domainsAtMediumOrAbove)
      : p.notCompounded(compounding.domainsAtMediumOrAbove),
  );
  for (const domain of outcome.domains) {
    if (domain.signals.length === 0) continue;
    lines.push(p.domain(t(index.domains.get(domain.domain)?.label), p.level[domain.level], domain.score));
    for (const signal of domain.signals) lines.push(signalLine(signal, instrument, locale));
  }
  if (outcome.overrides.length === 0 && outcome.domains.every((d) => d.signals.length === 0)) {
    lines.push(p.nothingFound);
  }
  for (const followUp of outcome.followUps) lines.push(p.followUp(t(index.items.get(followUp.itemId)?.label)));
  return lines;
}

/** Which answers and records raised which indicator, with what weight and why, in every locale. */
export function explain(instrument: Instrument, outcome: Explained): LocalizedLines {
  const locales = [...new Set(['en', ...instrument.locales])];
  return Object.fromEntries(locales.map((locale) => [locale, linesIn(locale, instrument, outcome)]));
}
