import type { UiLanguage } from './languages';

/** Dates as the reader writes them; Arabic keeps Western digits, as most operations' records do. */
const LOCALE: Record<UiLanguage, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

export function formatDate(iso: string, language: UiLanguage): string {
  // A bare YYYY-MM-DD is a calendar day, not a moment: read it as UTC so it never shifts.
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', ...(iso.length === 10 ? { timeZone: 'UTC' } : {}) }).format(date);
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(LOCALE[language]).format(value);
}
