import type { Agency, CaseDetail, CaseTask, ConsentStanding } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addTask, caseKey, myWorkKey } from '../../api/cases';
import { consentsKey, getConsents } from '../../api/consents';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { SelectField, TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { RecordConsent } from '../consent/ConsentPanel';
import { usePersonAgencies } from '../consent/use-person-agencies';

/** The referral consent to this agency that stands now, if any line names it. */
export const referralStanding = (current: readonly ConsentStanding[], agencyId: string) =>
  current.find((standing) => standing.purpose === 'referral' && standing.recipientAgencyId === agencyId);

/**
 * The referral a presumed victim is offered, to an agency of the operation. It says "with
 * the person's consent" only when referral consent to that agency is in force; otherwise it
 * says the consent is missing (or refused, withdrawn) and lets the worker record the
 * person's decision here, then go on. The server checks the same again when the referral is
 * added (409 if the consent is no longer in force), so the words cannot run ahead of it.
 */
export function ReferralWithConsent({ record, personId, defaultDue }: { record: CaseDetail; personId: string; defaultDue: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const queryClient = useQueryClient();
  const agencies = usePersonAgencies(personId);
  const consents = useQuery({ queryKey: consentsKey(personId), queryFn: () => getConsents(personId) });
  const [agencyId, setAgencyId] = useState('');
  // Until changed, the referral is due when the offer is (the case may still be reloading it).
  const [chosenDue, setDueDate] = useState<string | null>(null);
  const dueDate = chosenDue ?? defaultDue ?? '';
  const [made, setMade] = useState<CaseTask | null>(null);
  const agency: Agency | undefined = agencies.items.find((item) => item.id === agencyId);
  const standing = consents.data && agencyId ? referralStanding(consents.data.current, agencyId) : undefined;
  const consented = standing?.status === 'given';
  const refer = useMutation({
    mutationFn: (to: Agency) =>
      addTask(record.id, { kind: 'referral', title: t('trafficking.referralTitle', { agency: to.name }), recipientAgencyId: to.id, ...(dueDate ? { dueDate } : {}) }),
    onSuccess: (task) => {
      setMade(task);
      setAgencyId('');
      void queryClient.invalidateQueries({ queryKey: caseKey(record.id) });
      void queryClient.invalidateQueries({ queryKey: myWorkKey });
    },
    // A consent withdrawn meanwhile: the refusal says so, and the standing is read again.
    onError: () => void queryClient.invalidateQueries({ queryKey: consentsKey(personId) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agency && consented) refer.mutate(agency);
  };
  const problemsAt = (path: string) => (isApiProblem(refer.error) ? refer.error.fieldErrors.filter((p) => p.path === path) : []);
  const editable = record.status !== 'closed' && can('case.update');
  return (
    <>
      {made && (
        <p className="notice" role="status" data-testid="referral-created">
          {t('trafficking.referralCreated', { title: made.title, date: made.dueDate ? formatDate(made.dueDate, language) : '—' })}
        </p>
      )}
      {(agencies.error !== null || consents.isError) && <ProblemMessage error={agencies.error ?? consents.error} />}
      {editable && (
        <form className="grid" onSubmit={submit}>
          <SelectField id="referral-agency" testId="referral-agency" label={t('trafficking.referralAgency')} value={agencyId} onChange={setAgencyId}
            empty={t('trafficking.referralChooseAgency')} required problems={problemsAt('/recipientAgencyId')}
            options={agencies.items.filter((item) => item.id !== record.agencyId).map((item) => ({ value: item.id, label: item.name }))} />
          <TextField id="referral-due" testId="referral-due" type="date" label={t('cases.due')} value={dueDate} onChange={setDueDate} problems={problemsAt('/dueDate')} />
          {agency && consents.data && (
            consented ? (
              <p className="notice referral-consent" data-testid="referral-consent-given" data-status="given">{t('trafficking.referralConsentGiven', { agency: agency.name })}</p>
            ) : (
              <p className="problem-summary referral-consent" role="alert" data-testid="referral-consent-missing" data-status={standing?.status ?? 'missing'}>
                {t('trafficking.referralConsentMissing', { agency: agency.name, status: t(`consent.status.${standing?.status ?? 'missing'}`) })}
              </p>
            )
          )}
          <div className="inline-check">
            <button type="submit" disabled={refer.isPending || !agency || !consented} data-testid="referral-submit">{t('trafficking.referralSubmit')}</button>
          </div>
        </form>
      )}
      {editable && agency && consents.data && !consented && can('consent.record') && (
        <section className="card" aria-labelledby="referral-consent-heading" data-testid="referral-consent-form">
          <h4 id="referral-consent-heading">{t('trafficking.referralConsentRecord', { agency: agency.name })}</h4>
          <RecordConsent key={agency.id} personId={personId} overview={consents.data} fixed={{ purpose: 'referral', recipientAgencyId: agency.id }} />
        </section>
      )}
      {refer.isError && <ProblemMessage error={refer.error} />}
    </>
  );
}
