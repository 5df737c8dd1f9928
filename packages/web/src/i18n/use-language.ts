import { useTranslation } from 'react-i18next';
import { isUiLanguage, type UiLanguage } from './languages';

/** The interface language, re-rendering the caller when it changes. */
export function useLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}
