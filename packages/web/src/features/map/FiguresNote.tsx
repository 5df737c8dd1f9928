import type { Figures } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * Which figures a table holds (issue 12 §2): live for readers who may read every person of
 * the operation, otherwise the daily release, which moves an area only with k people's changes.
 */
export function FiguresNote({ figures, k }: { figures: Figures | undefined; k: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!figures) return null;
  const text =
    figures.source === 'live'
      ? t('disclosure.live')
      : figures.releasedAt === null
        ? t('disclosure.unreleased')
        : t('disclosure.release', { date: formatDateTime(figures.releasedAt, language), k });
  return (
    <p className="muted" data-testid="figures-note" data-source={figures.source}>
      {text}
    </p>
  );
}
