import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resettlementQueue } from '../../api/solutions';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { CaseName } from '../cases/CaseName';

const PAGE = 50;

/**
 * Cases waiting for resettlement submission: priority first, then risk, then time
 * waiting, each position explained in the reader's language.
 */
export function ResettlementQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [offset, setOffset] = useState(0);
  const queue = useQuery({ queryKey: ['resettlement-queue', offset], queryFn: () => resettlementQueue(offset, PAGE) });
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading" tabIndex={-1}>{t('solutions.queue')}</h1>
      <p className="muted">{t('solutions.queueIntro')}</p>
      {queue.isPending && <p role="status">{t('app.loading')}</p>}
      {queue.isError && <ProblemMessage error={queue.error} />}
      {queue.data && (
        <>
          {queue.data.entries.length === 0 && <p className="muted">{t('solutions.queueEmpty')}</p>}
          <ol className="plain-list queue" data-testid="resettlement-queue">
            {queue.data.entries.map((entry) => (
              <li key={entry.caseId} className="card" data-testid="queue-entry" data-position={entry.position}>
                <div className="section-head">
                  <strong>
                    {entry.position}. <CaseName caseId={entry.caseId} caseNumber={entry.caseNumber} subjectName={entry.subjectName} />
                  </strong>
                  <span className="muted">{t(`solutions.priority.${entry.priority}`)}</span>
                  <span className="muted">{t('solutions.waitingSince', { date: formatDate(entry.waitingSince, language) })}</span>
                </div>
                <p lang={language}>{entry.explanation[language]}</p>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('people.previous')}</button>
            <button type="button" className="secondary" disabled={offset + PAGE >= queue.data.total} onClick={() => setOffset(offset + PAGE)}>{t('people.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}
