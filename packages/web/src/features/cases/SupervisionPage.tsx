import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getClosureRequests, getWorkload } from '../../api/cases';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ChildrenOverdue } from '../children/ChildrenOverdue';

/** A supervisor's page: closures waiting for a decision, and each worker's load. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <section aria-labelledby="supervision-heading">
      <h1 id="supervision-heading" tabIndex={-1}>{t('cases.supervision')}</h1>
      {can('case.approve_closure') && <ClosureRequestsTable />}
      {can('case.supervise') && <WorkloadTable />}
      {can('child.supervise') && <ChildrenOverdue />}
    </section>
  );
}

function ClosureRequestsTable() {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = useQuery({ queryKey: ['cases', 'closure-requests'], queryFn: getClosureRequests });
  return (
    <section className="card" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">{t('cases.approvalsPending')}</h2>
      {waiting.isError && <ProblemMessage error={waiting.error} />}
      {waiting.data?.items.length === 0 && <p className="muted">{t('cases.noApprovals')}</p>}
      <ul className="plain-list" data-testid="closure-requests">
        {waiting.data?.items.map((item) => (
          <li key={item.caseId}>
            <RiskBadge level={item.priority} /> <Link to={{ name: 'case', caseId: item.caseId }}>{t('cases.requestedOn', { date: formatDateTime(item.requestedAt, language) })}</Link>: {item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WorkloadTable() {
  const { t } = useTranslation();
  const load = useQuery({ queryKey: ['workload'], queryFn: getWorkload });
  return (
    <section className="card" aria-labelledby="workload-heading">
      <h2 id="workload-heading">{t('cases.workload')}</h2>
      {load.isError && <ProblemMessage error={load.error} />}
      {load.data && (
        <table className="people-table" data-testid="workload">
          <thead>
            <tr>
              <th scope="col">{t('cases.worker')}</th>
              <th scope="col">{t('cases.openCases')}</th>
              <th scope="col">{t('cases.openTasks')}</th>
              <th scope="col">{t('cases.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {load.data.items.map((row) => (
              <tr key={row.userId}>
                <th scope="row">{row.displayName}</th>
                <td data-label={t('cases.openCases')}>{row.openCases}</td>
                <td data-label={t('cases.openTasks')}>{row.openTasks}</td>
                <td data-label={t('cases.overdue')}>{row.overdueTasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
