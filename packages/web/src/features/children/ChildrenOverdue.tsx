import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { childrenOverdueKey, getChildrenOverdue } from '../../api/children';
import { Link } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * Overdue BIAs, BIDs and reviews of the children in the reader's scope, most overdue first
 * (the server's order). Ids and dates only: the child's file opens on their own page.
 */
export function ChildrenOverdue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({ queryKey: childrenOverdueKey, queryFn: getChildrenOverdue });
  return (
    <section className="card" aria-labelledby="children-overdue-heading">
      <h2 id="children-overdue-heading">{t('children.overdueList.heading')}</h2>
      {list.isError && <ProblemMessage error={list.error} />}
      {list.data?.items.length === 0 && <p className="muted">{t('children.overdueList.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="people-table" data-testid="children-overdue">
          <thead>
            <tr>
              <th scope="col">{t('children.overdueList.what')}</th>
              <th scope="col">{t('children.overdueList.due')}</th>
              <th scope="col">{t('children.overdueList.late')}</th>
              <th scope="col">{t('children.overdueList.child')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((item) => (
              <tr key={`${item.kind}-${item.id}`} data-testid="child-overdue" data-kind={item.kind}>
                <th scope="row">{t(`children.overdueList.kind.${item.kind}`)}</th>
                <td data-label={t('children.overdueList.due')}>{formatDate(item.dueDate, language)}</td>
                <td data-label={t('children.overdueList.late')}>{t('children.overdueList.days', { count: item.daysOverdue })}</td>
                <td data-label={t('children.overdueList.child')}>
                  <Link to={{ name: 'person', personId: item.childId, screeningId: null }}>{t('children.overdueList.open')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
