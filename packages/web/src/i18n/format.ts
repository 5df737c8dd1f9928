import type { UiLanguage } from './languages';

/** Dates as the reader writes them; Arabic keeps Western digits, as most operations' records do. */
const LOCALE: Record<UiLanguage, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

type Kind = 'day' | 'date' | 'moment' | 'number';

// Building an Intl formatter loads locale data and costs about a millisecond on a slow
// phone: made once per language and kind, not once per table cell.
const formatters = new Map<string, { format(value: Date | number): string }>();

function formatter(kind: Kind, language: UiLanguage): { format(value: Date | number): string } {
  const key = `${kind}:${language}`;
  let made = formatters.get(key);
  if (!made) {
    const locale = LOCALE[language];
    if (kind === 'number') {
      const numbers = new Intl.NumberFormat(locale);
      made = { format: (value) => numbers.format(Number(value)) };
    }
    // A bare YYYY-MM-DD is a calendar day, not a moment: read it as UTC so it never shifts.
    else if (kind === 'day') made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    else if (kind === 'date') made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    else made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(key, made);
  }
  return made;
}

export function formatDate(iso: string, language: UiLanguage): string {
  const day = iso.length === 10;
  const date = new Date(day ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(day ? 'day' : 'date', language).format(date);
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('moment', language).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return formatter('number', language).format(value);
}

/**
 * Makes the formatters a list needs while its rows are still on the way: the first Intl
 * date formatter of a page loads the locale's patterns, a few hundred milliseconds on a slow
 * phone, better spent waiting for the network than after the answer has come.
 */
export function prepareFormatters(language: UiLanguage): void {
  for (const kind of ['day', 'date', 'number'] as const) formatter(kind, language);
}
