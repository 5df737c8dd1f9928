import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getRetention, putRetention, retentionDryRun, retentionKey } from '../../api/data-subject';
import { useSession } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** An operation's retention rule and what it would anonymise now (counts and ids, never names). */
export function RetentionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [operationId, setOperationId] = useState(session.operations[0]?.id ?? '');
  return (
    <section>
      <h1 tabIndex={-1}>{t('retention.title')}</h1>
      <p className="muted">{t('retention.explain')}</p>
      {session.operations.length > 1 && (
        <label>
          {t('retention.operation')}
          <select value={operationId} onChange={(event) => setOperationId(event.target.value)}>
            {session.operations.map((operation) => (
              <option key={operation.id} value={operation.id}>{operation.name}</option>
            ))}
          </select>
        </label>
      )}
      {operationId !== '' && <RetentionPolicyCard key={operationId} operationId={operationId} />}
    </section>
  );
}

function RetentionPolicyCard({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: retentionKey(operationId), queryFn: () => getRetention(operationId) });
  const [days, setDays] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (version: number) => putRetention(operationId, { anonymiseInactiveAfterDays: (days ?? '').trim() === '' ? null : Number(days), version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(retentionKey(operationId), saved);
      setDays(null);
    },
  });
  const dryRun = useMutation({ mutationFn: () => retentionDryRun(operationId) });
  if (policy.isPending) return <p role="status">{t('app.loading')}</p>;
  if (policy.isError) return <ProblemMessage error={policy.error} />;
  const shown = days ?? (policy.data.anonymiseInactiveAfterDays === null ? '' : String(policy.data.anonymiseInactiveAfterDays));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(policy.data.version);
  };
  const report = dryRun.data;
  return (
    <div className="card" data-testid="retention-policy">
      <p data-testid="retention-state">
        {policy.data.anonymiseInactiveAfterDays === null ? t('retention.off') : t('retention.on', { days: policy.data.anonymiseInactiveAfterDays })}
      </p>
      <form onSubmit={submit}>
        <label>
          {t('retention.daysLabel')}
          <input type="number" min={30} max={36500} inputMode="numeric" value={shown} onChange={(event) => setDays(event.target.value)} data-testid="retention-days" />
        </label>
        <p className="muted">{t('retention.daysHint')}</p>
        {save.isError && <ProblemMessage error={save.error} />}
        <button type="submit" disabled={save.isPending} data-testid="retention-save">{t('retention.save')}</button>
      </form>
      <h2>{t('retention.dryRunTitle')}</h2>
      <button type="button" onClick={() => dryRun.mutate()} disabled={dryRun.isPending} data-testid="retention-dry-run">{t('retention.dryRun')}</button>
      {dryRun.isError && <ProblemMessage error={dryRun.error} />}
      {report && (
        <div data-testid="retention-report">
          <p>{t('retention.wouldAnonymise', { count: report.total })}</p>
          {report.byReason.map((reason) => (
            <p key={reason.reason}>
              {t(`retention.reason.${reason.reason}`)}: {reason.count}
              {reason.oldestLastActivity && ` · ${t('retention.oldest', { date: formatDateTime(reason.oldestLastActivity, language) })}`}
            </p>
          ))}
          {report.candidates.length > 0 && (
            <details>
              <summary>{t('retention.ids', { count: report.candidates.length })}</summary>
              <ul className="plain-list" data-testid="retention-candidates">
                {report.candidates.map((candidate) => (
                  <li key={candidate.personId}>
                    <span className="mono">{candidate.personId}</span>
                    {' · '}
                    {t(`retention.reason.${candidate.reason}`)}
                    {' · '}
                    {t('retention.lastActivity', { kind: t(`retention.activity.${candidate.lastActivityKind}`), date: formatDateTime(candidate.lastActivity, language) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
