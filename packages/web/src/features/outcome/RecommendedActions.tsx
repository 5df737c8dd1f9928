import type { Screening } from '@waymark/contracts';
import type { Instrument } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';

/** What to do next, most urgent first (the server's order), and what is still to ask. */
export function RecommendedActions({ screening, instrument }: { screening: Screening; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" data-testid="recommended-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('outcome.actions')}</h2>
      {screening.recommendedActions.length === 0 ? (
        <p className="muted">{t('outcome.noActions')}</p>
      ) : (
        <ul className="plain-list action-list">
          {screening.recommendedActions.map((action) => {
            const label = pickText(action.label, language);
            return (
              <li key={`${action.override ?? action.domain}-${action.id}`} data-action={action.id}>
                <span lang={label.lang}>{label.text}</span>
                <span className={`urgency urgency-${action.urgency}`}>{t(`outcome.urgency.${action.urgency}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {screening.followUps.length > 0 && (
        <>
          <h3>{t('outcome.followUps')}</h3>
          <ul className="plain-list" data-testid="follow-ups">
            {screening.followUps.map((followUp) => {
              const item = instrument?.items.find((candidate) => candidate.id === followUp.itemId);
              const question = item ? pickText(item.label, language).text : followUp.itemId;
              return <li key={followUp.itemId}>{t('outcome.followUpPnta', { question })}</li>;
            })}
          </ul>
        </>
      )}
    </section>
  );
}
