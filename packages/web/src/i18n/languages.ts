/** Languages the interface is translated into, and the direction each is written in. */
export const UI_LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const RTL: ReadonlySet<UiLanguage> = new Set(['ar']);

export function directionOf(language: UiLanguage): 'rtl' | 'ltr' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The only thing Waymark keeps in browser storage: the chosen interface language. */
export const LANGUAGE_STORAGE_KEY = 'waymark.language';
