import type { Sensitivity } from '@waymark/core';
import { useTranslation } from 'react-i18next';

/** Shown on sensitive questions so the caseworker slows down and reminds that skipping is fine. */
export function SensitivityMark({ level }: { level: Exclude<Sensitivity, 'personal'> }) {
  const { t } = useTranslation();
  return (
    <span className={`sensitive-mark ${level}`} title={t('screening.sensitiveHint')}>
      <span aria-hidden="true">◆ </span>
      {t(`screening.sensitivity.${level}`)}
      <span className="visually-hidden">{`. ${t('screening.sensitiveHint')}`}</span>
    </span>
  );
}
