import type { CaseDetail } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCase, caseKey, getCase, myWorkKey, transitionCase, workloadKey } from '../../api/cases';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { AssignWorker } from './AssignWorker';
import { CasePlan } from './CasePlan';
import { CaseTimeline } from './CaseTimeline';
import { CaseDocuments } from './CaseDocuments';
import { CaseTasks } from './CaseTasks';
import { SolutionsPanel } from '../solutions/SolutionsPanel';
import { TraffickingPanel } from '../trafficking/TraffickingPanel';

// Events that need a written reason before the server will take them.
const NEEDS_REASON = new Set(['request_closure', 'reject_closure', 'reopen']);

/** One case: where it stands, the person's own plan, the work, and everything that happened. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const queryClient = useQueryClient();
  const found = useQuery({ queryKey: caseKey(caseId), queryFn: () => getCase(caseId) });
  if (found.isPending) return <p role="status">{t('app.loading')}</p>;
  if (found.isError) return <ProblemMessage error={found.error} />;
  const record = found.data;
  return (
    <article className="case" data-testid="case" data-status={record.status}>
      <header className="person-head case-head">
        <h1 tabIndex={-1} data-testid="case-heading">
          {record.subjectName === null ? t('cases.title') : t(record.householdId ? 'cases.titleOfHousehold' : 'cases.titleOf', { name: record.subjectName })}
        </h1>
        {/* The number is read left to right in both languages. */}
        <span className="muted" data-testid="case-number">
          {t('recordNumbers.case')} <bdi dir="ltr">{record.caseNumber}</bdi>
        </span>
        {record.personId && <Link to={{ name: 'person', personId: record.personId, screeningId: null }}>{t('cases.toPerson')}</Link>}
      </header>
      <section className="card risk-summary">
        <span className="muted">{t('cases.statusLabel')}</span>
        <strong data-testid="case-status">{t(`cases.status.${record.status}`)}</strong>
        <RiskBadge level={record.priority} />
        <span className="muted">{t('cases.openedAt', { date: formatDateTime(record.openedAt, language) })}</span>
        <span data-testid="case-assignee">
          <span className="muted">{t('cases.assignedTo')}</span>{' '}
          <strong>{record.assignedUserId === null ? t('cases.unassigned') : <bdi>{record.assignedUserName ?? t('cases.someoneElse')}</bdi>}</strong>
        </span>
        {can('case.assign') && (
          <AssignWorker
            kind="case"
            assignedUserId={record.assignedUserId}
            assign={(assignedUserId) => assignCase(record.id, { assignedUserId, version: record.version })}
            onAssigned={(answer) => {
              queryClient.setQueryData(caseKey(record.id), answer);
              void queryClient.invalidateQueries({ queryKey: myWorkKey });
              void queryClient.invalidateQueries({ queryKey: workloadKey });
            }}
            onReload={() => void queryClient.invalidateQueries({ queryKey: caseKey(record.id) })}
          />
        )}
      </section>
      {record.closureRequest && (
        <p className="notice" data-testid="closure-requested">{t('cases.closureRequested', { reason: record.closureRequest.reason })}</p>
      )}
      <Transitions record={record} />
      <div className="columns">
        <div>
          <CasePlan record={record} />
          <CaseTasks record={record} />
          <CaseDocuments record={record} />
          <TraffickingPanel record={record} />
          <SolutionsPanel record={record} />
        </div>
        <aside>
          <CaseTimeline record={record} />
        </aside>
      </div>
    </article>
  );
}

function Transitions({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: (event: CaseDetail['availableEvents'][number]) =>
      transitionCase(record.id, { event, version: record.version, ...(NEEDS_REASON.has(event) ? { reason } : {}) }),
    onSuccess: (updated) => {
      setReason('');
      queryClient.setQueryData(caseKey(record.id), updated);
      void queryClient.invalidateQueries({ queryKey: myWorkKey });
    },
  });
  if (record.availableEvents.length === 0) return null;
  const needsReason = record.availableEvents.some((event) => NEEDS_REASON.has(event));
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">{t('cases.nextStep')}</h2>
      {needsReason && (
        <label className="stack">
          {t('cases.reason')}
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} data-testid="case-reason" />
        </label>
      )}
      <div className="button-row">
        {record.availableEvents.map((event) => (
          <button
            key={event}
            type="button"
            className={event.startsWith('reject') || event.startsWith('withdraw') ? 'secondary' : undefined}
            data-testid={`case-event-${event}`}
            disabled={step.isPending || (NEEDS_REASON.has(event) && reason.trim() === '')}
            onClick={() => step.mutate(event)}
          >
            {t(`cases.event.${event}`)}
          </button>
        ))}
      </div>
      {step.isError && <ProblemMessage error={step.error} />}
    </section>
  );
}
