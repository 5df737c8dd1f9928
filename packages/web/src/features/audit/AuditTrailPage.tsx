import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchAuditEvents, type AuditQuery } from '../../api/audit';
import { isApiProblem } from '../../api/problem';
import { useSession } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SelectField, TextField } from '../../components/fields';
import { EMPTY_AUDIT_FILTERS, toAuditQuery, type AuditFilterForm } from './audit-filters';
import { AuditTable } from './AuditTable';

const PAGE_SIZE = 50;

/**
 * The audit trail for auditors. Filters apply on "Search", not on every keystroke: each
 * search is itself written to the trail.
 */
export function AuditTrailPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTERS);
  const [query, setQuery] = useState<AuditQuery>({});
  // Keyset paging: the cursors of the pages before this one, to step back.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const events = useQuery({
    queryKey: ['audit-events', query, cursor],
    queryFn: ({ signal }) => searchAuditEvents(query, cursor, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const set = (field: keyof AuditFilterForm) => (value: string) => setForm({ ...form, [field]: value });
  const problems = (field: string) =>
    isApiProblem(events.error) ? events.error.fieldErrors.filter((problem) => problem.path === `/${field}`) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(toAuditQuery(form));
    setCursors([null]);
  };

  return (
    <section className="audit">
      <h1 tabIndex={-1}>{t('audit.heading')}</h1>
      <p>{t('audit.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('audit.filtersLabel')} data-testid="audit-filters">
        <SelectField
          id="audit-operation"
          label={t('audit.filter.operation')}
          value={form.operationId}
          onChange={set('operationId')}
          empty={t('audit.filter.anyOperation')}
          options={session.operations.map((operation) => ({ value: operation.id, label: operation.name }))}
          problems={problems('operationId')}
        />
        <TextField id="audit-action" label={t('audit.filter.action')} hint={t('audit.filter.actionHint')} value={form.action} onChange={set('action')} problems={problems('action')} testId="audit-action" />
        <TextField id="audit-actor" label={t('audit.filter.actor')} value={form.actorId} onChange={set('actorId')} problems={problems('actorId')} testId="audit-actor" />
        <TextField id="audit-resource-type" label={t('audit.filter.resourceType')} value={form.resourceType} onChange={set('resourceType')} problems={problems('resourceType')} />
        <TextField id="audit-resource" label={t('audit.filter.resource')} value={form.resourceId} onChange={set('resourceId')} problems={problems('resourceId')} />
        <TextField id="audit-from" type="date" label={t('audit.filter.from')} value={form.fromDay} onChange={set('fromDay')} problems={problems('from')} />
        <TextField id="audit-to" type="date" label={t('audit.filter.to')} value={form.toDay} onChange={set('toDay')} problems={problems('to')} />
        <div className="filters-reset">
          <button type="submit" data-testid="audit-search">{t('audit.search')}</button>
        </div>
      </form>
      <div className="list-status" role="status" aria-live="polite">
        {events.isPending && t('app.loading')}
      </div>
      {events.isError && <ProblemMessage error={events.error} />}
      {events.data && events.data.items.length === 0 && <p className="empty">{t('audit.none')}</p>}
      {events.data && events.data.items.length > 0 && <AuditTable events={events.data.items} userNames={events.data.userNames} />}
      {(cursors.length > 1 || events.data?.nextCursor) && (
        <nav className="pager" aria-label={t('audit.pages')}>
          <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('audit.newer')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!events.data?.nextCursor}
            onClick={() => events.data?.nextCursor && setCursors([...cursors, events.data.nextCursor])}
          >
            {t('audit.older')}
          </button>
        </nav>
      )}
    </section>
  );
}
