import { readFileSync } from 'node:fs';

/** The languages a document prints in: those of the web app. */
export const PRINT_LANGUAGES = ['en', 'ar'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/** How a reader asked for a document: its language and the reader's time zone (IANA). */
export interface PrintOptions {
  lang: PrintLanguage;
  timeZone: string;
}
export const DEFAULT_PRINT: PrintOptions = { lang: 'en', timeZone: 'UTC' };

type Catalogue = { [key: string]: string | Catalogue };

// The web app's catalogues are the one place words are translated (vocabulary labels,
// country and language names, roles); documents use the same words, and their own
// sentences are kept there under `pdf`, so a translator finds everything in one file.
const catalogues = new Map<PrintLanguage, Catalogue>();
function catalogue(lang: PrintLanguage): Catalogue {
  let found = catalogues.get(lang);
  if (!found) {
    found = JSON.parse(readFileSync(new URL(`../../../web/src/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as Catalogue;
    catalogues.set(lang, found);
  }
  return found;
}

function lookup(lang: PrintLanguage, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue(lang);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export interface Words {
  lang: PrintLanguage;
  /** A sentence of the catalogue with its {{placeholders}} filled. */
  t(key: string, values?: Record<string, string | number>): string;
  /** A code's label in a vocabulary of the catalogue (`sex`, `legalStatus`…); the code itself when there is none. */
  label(group: string, code: string | null | undefined): string;
  labels(group: string, codes: readonly string[] | null | undefined): string;
  /** A moment as the reader's clock shows it, with the zone named. */
  dateTime(iso: string | Date | null | undefined): string;
  /** A calendar day (no zone: a date of birth or a due date is the same day everywhere). */
  date(day: string | null | undefined): string;
  /** A pick of the two languages' texts, as core's bilingual texts come. */
  pick(text: { en: string; ar: string } | null | undefined): string;
}

const DASH = '-';

export function wordsFor(options: PrintOptions): Words {
  const { lang, timeZone } = options;
  // Latin digits in Arabic too: the PDF's line layout orders digits as left-to-right runs.
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  const dayParts = { day: 'numeric', month: lang === 'ar' ? 'long' : 'short', year: 'numeric' } as const;
  // dateStyle cannot be combined with timeZoneName: the parts are named one by one.
  const moment = new Intl.DateTimeFormat(locale, { ...dayParts, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' });
  const day = new Intl.DateTimeFormat(locale, { ...dayParts, timeZone: 'UTC' });
  const t: Words['t'] = (key, values = {}) =>
    (lookup(lang, key) ?? lookup('en', key) ?? key).replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
  const label: Words['label'] = (group, code) => (code === null || code === undefined || code === '' ? DASH : lookup(lang, `${group}.${code}`) ?? code);
  return {
    lang,
    t,
    label,
    labels: (group, codes) => (!codes || codes.length === 0 ? DASH : codes.map((code) => label(group, code)).join(lang === 'ar' ? '، ' : ', ')),
    dateTime: (iso) => (iso === null || iso === undefined ? DASH : moment.format(new Date(iso))),
    date: (value) => (value ? day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : DASH),
    pick: (text) => (text ? text[lang] : DASH),
  };
}

/** A time zone the clock can show (IANA name), for validating a reader's choice. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
