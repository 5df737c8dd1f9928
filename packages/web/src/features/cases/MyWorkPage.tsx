import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getMyWork, myWorkKey } from '../../api/cases';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ChildDeadlines } from '../children/ChildDeadlines';
import { CaseName } from './CaseName';
import { GoToCase } from './GoToCase';

/** My open tasks across my cases: overdue first, then by due date, then case priority. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const work = useQuery({ queryKey: myWorkKey, queryFn: getMyWork });
  return (
    <section aria-labelledby="my-work-heading">
      <h1 id="my-work-heading" tabIndex={-1}>{t('cases.myWork')}</h1>
      <GoToCase />
      {work.isPending && <p role="status">{t('app.loading')}</p>}
      {work.isError && <ProblemMessage error={work.error} />}
      {work.data && (
        <>
          <p className="muted" data-testid="overdue-count" data-count={work.data.overdue}>{t('cases.overdueCount', { count: work.data.overdue })}</p>
          {work.data.items.length === 0 ? (
            <p className="muted">{t('cases.nothingToDo')}</p>
          ) : (
            <table className="people-table" data-testid="my-work">
              <thead>
                <tr>
                  <th scope="col">{t('cases.task')}</th>
                  <th scope="col">{t('cases.due')}</th>
                  <th scope="col">{t('cases.priority')}</th>
                  <th scope="col">{t('cases.case')}</th>
                </tr>
              </thead>
              <tbody>
                {work.data.items.map((item) => (
                  <tr key={item.id} data-testid="work-item" data-overdue={item.overdue ? 'true' : 'false'} className={item.overdue ? 'overdue' : undefined}>
                    <td data-label={t('cases.task')}>
                      {t(`cases.kind.${item.kind}`)}: {item.restricted ? <em>{t('cases.taskRestricted')}</em> : item.title}
                    </td>
                    <td data-label={t('cases.due')}>
                      {item.dueDate ? formatDate(item.dueDate, language) : '—'}
                      {item.overdue && <strong className="overdue-mark"> · {t('cases.overdue')}</strong>}
                    </td>
                    <td data-label={t('cases.priority')}>{t(`risk.${item.casePriority}`)}</td>
                    <td data-label={t('cases.case')}>
                      <CaseName caseId={item.caseId} caseNumber={item.caseNumber} subjectName={item.caseSubjectName} />
                      <span className="muted"> · {t(`cases.status.${item.caseStatus}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <ChildDeadlines />
    </section>
  );
}
