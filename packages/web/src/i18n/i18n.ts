import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, isUiLanguage, LANGUAGE_STORAGE_KEY, type UiLanguage } from './languages';

function storedLanguage(): UiLanguage {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the default language is fine then.
  }
  return navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

function applyToDocument(language: UiLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en';
}

// Only the language in use is fetched (its own file, cached immutable): on a field office's
// link the other catalogue would cost as much as the people list's code.
const CATALOGUES: Record<UiLanguage, () => Promise<{ default: object }>> = {
  en: () => import('./locales/en.json'),
  ar: () => import('./locales/ar.json'),
};

async function loadCatalogue(language: UiLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const catalogue = await CATALOGUES[language]();
  i18next.addResourceBundle(language, 'translation', catalogue.default);
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  await loadCatalogue(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but still switched now.
  }
  await i18next.changeLanguage(language);
}

export async function startI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    if (isUiLanguage(language)) applyToDocument(language);
  });
  const language = storedLanguage();
  const catalogue = await CATALOGUES[language]();
  await i18next.use(initReactI18next).init({
    // Every key is in both catalogues (catalogue.test.ts), so no fallback needs loading.
    resources: { [language]: { translation: catalogue.default } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
}
