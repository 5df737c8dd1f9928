import type { Screening } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { getInstrument } from '../../api/screenings';
import { Link } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDateTime } from '../../i18n/format';
import { pickLines, pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { DomainExplanation, QuietDomains } from './DomainExplanation';
import { RecommendedActions } from './RecommendedActions';
import { WithheldSections } from './WithheldSections';

interface Props {
  screening: Screening | undefined;
  isLatest: boolean;
  loading: boolean;
  error: unknown;
  personId: string;
}

/** Why the person is at this level: overrides first, then each area's signals, then what to do. */
export function ScreeningOutcomeView({ screening, isLatest, loading, error, personId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const instrument = useQuery({
    queryKey: keys.instrument(screening?.instrumentId ?? '', screening?.instrumentVersion),
    queryFn: () => getInstrument(screening!.instrumentId, screening!.instrumentVersion),
    enabled: screening !== undefined,
    staleTime: Infinity,
  });

  if (loading) return <section className="card" data-testid="explanation"><p role="status">{t('app.loading')}</p></section>;
  if (error) return <section className="card" data-testid="explanation"><ProblemMessage error={error} /></section>;
  if (!screening) {
    return (
      <section className="card" data-testid="explanation" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">{t('outcome.heading')}</h2>
        <p className="muted">{t('outcome.noScreening')}</p>
      </section>
    );
  }

  const definition = instrument.data;
  const withSignals = screening.domains.filter((domain) => domain.signals.length > 0);
  const quiet = screening.domains.filter((domain) => domain.signals.length === 0);
  const plain = pickLines(screening.explanation, language);
  const when = formatDateTime(screening.screenedAt, language);
  return (
    <>
      <section className="card" data-testid="explanation" data-screening-id={screening.id} aria-labelledby="outcome-heading">
        <div className="section-head">
          <h2 id="outcome-heading">{t('outcome.heading')}</h2>
          <RiskBadge level={screening.riskLevel} />
        </div>
        <p className="muted">
          {isLatest ? t('outcome.latest', { date: when }) : t('outcome.older', { date: when })}
          {' · '}
          {t('outcome.instrumentVersion', { version: screening.instrumentVersion })}
          {!isLatest && (
            <>
              {' · '}
              <Link to={{ name: 'person', personId, screeningId: null }}>{t('outcome.showLatest')}</Link>
            </>
          )}
        </p>
        {instrument.isError && <ProblemMessage error={instrument.error} />}
        {screening.overrides.length > 0 && (
          <div className="overrides">
            <h3>{t('outcome.overrides')}</h3>
            {screening.overrides.map((override) => {
              const why = pickText(override.why, language);
              return <p key={override.id} className="override" lang={why.lang}>{why.text}</p>;
            })}
          </div>
        )}
        <WithheldSections screening={screening} instrument={definition} />
        {screening.compounding.applied && (
          <p>{t('outcome.compounded', { count: screening.compounding.domainsAtMediumOrAbove })}</p>
        )}
        {withSignals.map((domain) => (
          <DomainExplanation key={domain.domain} outcome={domain} instrument={definition} />
        ))}
        <QuietDomains domains={quiet} instrument={definition} />
        {plain.lines.length > 0 && (
          <details className="explanation-lines">
            <summary>{t('outcome.plainWords')}</summary>
            <ul lang={plain.lang}>
              {plain.lines.map((line, index) => <li key={index}>{line}</li>)}
            </ul>
          </details>
        )}
      </section>
      <RecommendedActions screening={screening} instrument={definition} />
    </>
  );
}
