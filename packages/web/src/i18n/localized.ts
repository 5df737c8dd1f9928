import type { UiLanguage } from './languages';

/** A translation picked from an instrument's own text, with the language it is really in. */
export interface Picked {
  text: string;
  lang: string;
}

/**
 * Instrument text comes as `{ en: '…', ar: '…' }`. Falls back to English so a missing
 * translation shows something, and says so through `lang` (screen readers switch voice).
 */
export function pickText(text: Readonly<Record<string, string>> | undefined, language: UiLanguage): Picked {
  if (!text) return { text: '', lang: language };
  const own = text[language];
  if (own !== undefined && own !== '') return { text: own, lang: language };
  if (text.en !== undefined) return { text: text.en, lang: 'en' };
  const [lang, first] = Object.entries(text)[0] ?? [language, ''];
  return { text: first, lang };
}

export function pickLines(lines: Readonly<Record<string, readonly string[]>> | undefined, language: UiLanguage): { lines: readonly string[]; lang: string } {
  if (!lines) return { lines: [], lang: language };
  const own = lines[language];
  if (own && own.length > 0) return { lines: own, lang: language };
  return { lines: lines.en ?? [], lang: 'en' };
}
