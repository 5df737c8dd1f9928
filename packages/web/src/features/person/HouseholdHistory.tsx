import type { HouseholdHistory as History } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** First-strong isolate: the text takes its own direction without reordering its neighbours. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** What happened to the household, oldest first, in words: who joined, left, headed it, split off. */
export function HouseholdHistory({ history, error }: { history: History | undefined; error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (error) return <ProblemMessage error={error} />;
  if (!history) return null;
  return (
    <section className="household-history" aria-labelledby="household-history-heading">
      <h3 id="household-history-heading">{t('household.history.heading')}</h3>
      {history.items.length === 0 ? (
        <p className="muted">{t('household.history.empty')}</p>
      ) : (
        <ol className="history-list" data-testid="household-history">
          {history.items.map((line) => (
            <li key={line.id} data-kind={line.kind}>
              <span>
                {t(`household.history.${line.kind}`, {
                  // Isolated, so a Latin name or a number keeps its order inside an Arabic sentence.
                  name: isolate(line.personName ?? t('household.history.someone')),
                  number: line.otherHouseholdNumber ? `\u2066${line.otherHouseholdNumber}\u2069` : t('household.history.anotherHousehold'),
                })}
              </span>
              {line.childWithoutAdult && <strong className="flag"> {t('household.history.childWithoutAdult')}</strong>}
              <span className="muted">
                {' '}
                {line.changedByName
                  ? t('household.history.when', { date: formatDateTime(line.changedAt, language), by: line.changedByName })
                  : formatDateTime(line.changedAt, language)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
