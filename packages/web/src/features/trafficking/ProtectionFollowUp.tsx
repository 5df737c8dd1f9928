import type { CaseDetail, CaseTask } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addTask, caseKey, myWorkKey } from '../../api/cases';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../app/session';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** The task the assessment raised of this kind (`trafficking:<assessment>:<kind>`), if the case still shows it. */
const raisedBy = (tasks: readonly CaseTask[], assessmentId: string, kind: string) => tasks.find((task) => task.createdFrom === `trafficking:${assessmentId}:${kind}`);

/**
 * A presumed victim: the immediate-protection task the server raised, and the referral
 * it offers. Referring names the agency and a due date and adds a referral task to the
 * case; sharing the person's information still waits for their consent to the referral.
 */
export function ProtectionFollowUp({ record, assessmentId, child }: { record: CaseDetail; assessmentId: string; child: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const queryClient = useQueryClient();
  const protection = raisedBy(record.tasks, assessmentId, 'immediate_protection');
  const offer = raisedBy(record.tasks, assessmentId, 'referral_offer');
  const [agency, setAgency] = useState('');
  // Until changed, the referral is due when the offer is (the case may still be reloading it).
  const [chosenDue, setDueDate] = useState<string | null>(null);
  const dueDate = chosenDue ?? offer?.dueDate ?? '';
  const [made, setMade] = useState<CaseTask | null>(null);
  const refer = useMutation({
    mutationFn: () => addTask(record.id, { kind: 'referral', title: t('trafficking.referralTitle', { agency: agency.trim() }), ...(dueDate ? { dueDate } : {}) }),
    onSuccess: (task) => {
      setMade(task);
      setAgency('');
      void queryClient.invalidateQueries({ queryKey: caseKey(record.id) });
      void queryClient.invalidateQueries({ queryKey: myWorkKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate();
  };
  const dueProblems = isApiProblem(refer.error) ? refer.error.fieldErrors.filter((p) => p.path === '/dueDate') : [];
  const titleProblems = isApiProblem(refer.error) ? refer.error.fieldErrors.filter((p) => p.path === '/title') : [];
  return (
    <div className="stack" data-testid="tr-follow-up">
      <div className="override" data-testid="immediate-protection" data-task-id={protection?.id ?? ''}>
        <strong>{t('trafficking.protectionNow')}</strong>{' '}
        {protection ? (
          <>
            {t(child ? 'trafficking.protectionTaskChild' : 'trafficking.protectionTask')} · {protection.dueDate && t('cases.dueOn', { date: formatDate(protection.dueDate, language) })} · {t(`cases.taskStatus.${protection.status}`)}
          </>
        ) : (
          t('trafficking.protectionTaskMissing')
        )}
      </div>
      <section aria-labelledby="referral-heading" data-testid="referral-offer">
        <h3 id="referral-heading">{t('trafficking.referralHeading')}</h3>
        <p className="hint">{t('trafficking.referralHint')}</p>
        {offer && <p className="muted">{t('trafficking.referralOffered', { date: offer.dueDate ? formatDate(offer.dueDate, language) : '—' })}</p>}
        {made && (
          <p className="notice" role="status" data-testid="referral-created">
            {t('trafficking.referralCreated', { title: made.title, date: made.dueDate ? formatDate(made.dueDate, language) : '—' })}
          </p>
        )}
        {record.status !== 'closed' && can('case.update') && (
          <form className="grid" onSubmit={submit}>
            <TextField id="referral-agency" testId="referral-agency" label={t('trafficking.referralAgency')} value={agency} onChange={setAgency} problems={titleProblems} inputProps={{ maxLength: 300, required: true }} />
            <TextField id="referral-due" testId="referral-due" type="date" label={t('cases.due')} value={dueDate} onChange={setDueDate} problems={dueProblems} />
            <div className="inline-check">
              <button type="submit" disabled={refer.isPending || agency.trim() === ''} data-testid="referral-submit">{t('trafficking.referralSubmit')}</button>
            </div>
          </form>
        )}
        {refer.isError && <ProblemMessage error={refer.error} />}
      </section>
    </div>
  );
}
