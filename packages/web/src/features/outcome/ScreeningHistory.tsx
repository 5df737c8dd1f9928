import type { Screening } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/router';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

export function ScreeningHistory({ personId, screenings, shownId }: { personId: string; screenings: readonly Screening[]; shownId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" data-testid="screening-history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('outcome.history')}</h2>
      {screenings.length === 0 ? (
        <p className="muted">{t('outcome.noHistory')}</p>
      ) : (
        <ol className="history-list">
          {screenings.map((screening) => (
            <li key={screening.id} data-screening-id={screening.id}>
              {screening.id === shownId ? (
                <strong aria-current="true">{formatDateTime(screening.screenedAt, language)}</strong>
              ) : (
                <Link to={{ name: 'person', personId, screeningId: screening.id }}>{formatDateTime(screening.screenedAt, language)}</Link>
              )}
              <span className="muted">{t('outcome.instrumentVersion', { version: screening.instrumentVersion })}</span>
              <RiskBadge level={screening.riskLevel} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
