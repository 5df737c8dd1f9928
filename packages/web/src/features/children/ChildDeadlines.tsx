import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { childDeadlinesKey, getChildDeadlines } from '../../api/children';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { displayName } from '../person/display-name';
import { isOverdue } from './child-facts';

/**
 * My work's child-protection part: the BIAs, BID reviews and the BIDs a move waits for,
 * of the children assigned to me. Shown only to those who read children's records.
 */
export function ChildDeadlines() {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const deadlines = useQuery({ queryKey: childDeadlinesKey, queryFn: getChildDeadlines, enabled: can('child.read') });
  if (!can('child.read')) return null;
  return (
    <section aria-labelledby="child-deadlines-heading" className="card" data-testid="child-deadlines">
      <h2 id="child-deadlines-heading">{t('children.deadlines.heading')}</h2>
      {deadlines.isPending && <p role="status">{t('app.loading')}</p>}
      {deadlines.isError && <ProblemMessage error={deadlines.error} />}
      {deadlines.data && deadlines.data.items.length === 0 && <p className="muted">{t('children.deadlines.none')}</p>}
      {deadlines.data && deadlines.data.items.length > 0 && (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">{t('children.deadlines.what')}</th>
              <th scope="col">{t('children.deadlines.child')}</th>
              <th scope="col">{t('children.deadlines.due')}</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.data.items.map((item) => {
              const late = item.dueDate !== null && isOverdue(item.dueDate);
              return (
                <tr key={`${item.kind}-${item.id}-${item.childId}`} data-testid="child-deadline" data-kind={item.kind} data-child-id={item.childId} data-overdue={late ? 'true' : 'false'} className={late ? 'overdue' : undefined}>
                  <td data-label={t('children.deadlines.what')}>
                    {t(`children.deadlines.kind.${item.kind}`)}
                    {item.caseId && item.kind === 'bid' && (
                      <> · <Link to={{ name: 'case', caseId: item.caseId }}>{t('children.deadlines.openMove')}</Link></>
                    )}
                  </td>
                  <td data-label={t('children.deadlines.child')}>
                    <ChildLink childId={item.childId} />
                  </td>
                  <td data-label={t('children.deadlines.due')}>
                    {item.dueDate ? formatDate(item.dueDate, language) : t('children.deadlines.beforeMove')}
                    {late && <strong className="overdue-mark"> · {t('children.overdue')}</strong>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChildLink({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(childId), queryFn: () => getPerson(childId), retry: false });
  return (
    <Link to={{ name: 'person', personId: childId, screeningId: null }}>
      <bdi>{person.data ? displayName(person.data) : t('children.deadlines.aChild')}</bdi>
    </Link>
  );
}
