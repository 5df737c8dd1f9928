import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
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

export async function setLanguage(language: UiLanguage): Promise<void> {
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
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
}
