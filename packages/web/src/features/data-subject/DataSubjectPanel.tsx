import type { Person } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { printQuery } from '../../api/case-documents';
import { erasePerson, exportUrl } from '../../api/data-subject';
import { useLanguage } from '../../i18n/use-language';
import { keys } from '../../api/keys';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';

const REASON_MIN = 10;

/** Data-subject rights on the person page: export everything held, and anonymise on request. */
export function DataSubjectPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  if (!can('person.export') && !can('person.erase')) return null;
  return (
    <section className="card" aria-labelledby="data-subject-heading" data-testid="data-subject-panel">
      <h2 id="data-subject-heading">{t('dataSubject.title')}</h2>
      {can('person.export') && (
        <p>
          {t('dataSubject.exportLabel')}{' '}
          <a href={exportUrl(person.id, 'json')} download data-testid="export-json">{t('dataSubject.exportJson')}</a>{' · '}
          <a href={`${exportUrl(person.id, 'pdf')}&${printQuery(language)}`} download data-testid="export-pdf">{t('dataSubject.exportPdf')}</a>
        </p>
      )}
      {can('person.export') && <p className="muted">{t('dataSubject.exportHint')}</p>}
      {can('person.erase') && person.anonymisedAt === null && <EraseForm personId={person.id} />}
    </section>
  );
}

function EraseForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const erase = useMutation({
    mutationFn: () => erasePerson(personId, { reason: reason.trim(), mode: 'anonymise' }),
    onSuccess: async () => {
      // Erasure answers the person without their (now destroyed) documents: read the detail again.
      await queryClient.invalidateQueries({ queryKey: keys.person(personId) });
      await queryClient.invalidateQueries({ queryKey: keys.persons });
      setOpen(false);
    },
  });
  if (!open) {
    return (
      <button type="button" className="danger" data-testid="erase-open" onClick={() => setOpen(true)}>
        {t('dataSubject.anonymise')}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length >= REASON_MIN && confirmed) erase.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="erase-form">
      <p>{t('dataSubject.anonymiseExplain')}</p>
      <label>
        {t('dataSubject.reason')}
        <textarea required minLength={REASON_MIN} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="erase-reason" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} data-testid="erase-confirm" />
        {t('dataSubject.confirm')}
      </label>
      {erase.isError && <ProblemMessage error={erase.error} />}
      <div className="actions">
        <button type="submit" className="danger" disabled={!confirmed || reason.trim().length < REASON_MIN || erase.isPending} data-testid="erase-submit">
          {t('dataSubject.anonymiseSubmit')}
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>{t('dataSubject.cancel')}</button>
      </div>
    </form>
  );
}
