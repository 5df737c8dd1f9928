import type { Instrument, LocalizedText } from '../instrument';
import { problem, type InstrumentProblem, type ProblemPath } from '../problems';

/** Every piece of text the instrument shows, with where it sits. */
function* localizedTexts(instrument: Instrument): Generator<[LocalizedText, ProblemPath]> {
  yield [instrument.title, ['title']];
  yield [instrument.description, ['description']];
  for (const [d, domain] of instrument.domains.entries()) {
    yield [domain.label, ['domains', d, 'label']];
    yield [domain.description, ['domains', d, 'description']];
    for (const [a, action] of domain.actions.entries()) yield [action.label, ['domains', d, 'actions', a, 'label']];
  }
  for (const [i, indicator] of instrument.indicators.entries()) yield [indicator.label, ['indicators', i, 'label']];
  for (const [i, item] of instrument.items.entries()) {
    yield [item.label, ['items', i, 'label']];
    if (item.help) yield [item.help, ['items', i, 'help']];
    if (item.type === 'number' || item.type === 'date') {
      for (const [b, band] of item.bands.entries()) if (band.why) yield [band.why, ['items', i, 'bands', b, 'why']];
    } else {
      for (const [c, choice] of item.choices.entries()) {
        yield [choice.label, ['items', i, 'choices', c, 'label']];
        if (choice.why) yield [choice.why, ['items', i, 'choices', c, 'why']];
      }
    }
  }
  for (const [d, derived] of instrument.derivedIndicators.entries()) yield [derived.why, ['derivedIndicators', d, 'why']];
  for (const [o, override] of instrument.overrides.entries()) {
    yield [override.why, ['overrides', o, 'why']];
    for (const [a, action] of override.actions.entries()) yield [action.label, ['overrides', o, 'actions', a, 'label']];
  }
}

/** Every text has English and every listed locale, none of them blank. */
export function checkTranslations(instrument: Instrument): InstrumentProblem[] {
  const required = [...new Set(['en', ...instrument.locales])];
  const found: InstrumentProblem[] = [];
  for (const [text, path] of localizedTexts(instrument)) {
    for (const locale of required) {
      if (!text[locale]?.trim()) found.push(problem('missing_translation', [...path, locale], `no "${locale}" text`));
    }
  }
  return found;
}
