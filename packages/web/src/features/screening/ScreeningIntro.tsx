import { useTranslation } from 'react-i18next';

/** Read out before the first question: why we ask, that it is confidential, that anything can be skipped. */
export function ScreeningIntro() {
  const { t } = useTranslation();
  return (
    <section className="card intro" aria-labelledby="intro-heading" data-testid="screening-intro">
      <h2 id="intro-heading">{t('screening.introTitle')}</h2>
      <ul>
        <li>{t('screening.introWhy')}</li>
        <li>{t('screening.introConfidential')}</li>
        <li>{t('screening.introSkip')}</li>
        <li>{t('screening.introConsent')}</li>
      </ul>
    </section>
  );
}
