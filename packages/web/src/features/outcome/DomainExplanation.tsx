import type { DomainOutcome, Instrument } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { RiskBadge } from '../../components/RiskBadge';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { SignalLine } from './SignalLine';

export function DomainExplanation({ outcome, instrument }: { outcome: DomainOutcome; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const domain = instrument?.domains.find((candidate) => candidate.id === outcome.domain);
  const label = domain ? pickText(domain.label, language) : { text: outcome.domain, lang: 'en' };
  return (
    <section className="domain" data-domain={outcome.domain} aria-labelledby={`domain-${outcome.domain}`}>
      <div className="domain-head">
        <h3 id={`domain-${outcome.domain}`} lang={label.lang}>{label.text}</h3>
        <span className="visually-hidden">{t('outcome.domainLevel')}</span>
        <RiskBadge level={outcome.level} />
        <span className="muted">{t('outcome.score', { score: outcome.score })}</span>
      </div>
      <ul className="plain-list">
        {outcome.signals.map((signal, index) => (
          <SignalLine key={index} signal={signal} instrument={instrument} />
        ))}
      </ul>
    </section>
  );
}

/** Areas that raised nothing, named in one line so the reader knows they were asked. */
export function QuietDomains({ domains, instrument }: { domains: readonly DomainOutcome[]; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (domains.length === 0) return null;
  const names = domains.map((outcome) => {
    const domain = instrument?.domains.find((candidate) => candidate.id === outcome.domain);
    return domain ? pickText(domain.label, language).text : outcome.domain;
  });
  return <p className="muted">{t('outcome.quietDomains', { domains: names.join(t('list.separator')) })}</p>;
}
