import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';
import { UI_LANGUAGES } from '../i18n/languages';

/** Each language names itself, so someone who cannot read the current one can still switch. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          data-testid={`lang-${language}`}
          aria-pressed={active === language}
          onClick={() => void setLanguage(language)}
        >
          {/* Each catalogue names every language in that language itself. */}
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
