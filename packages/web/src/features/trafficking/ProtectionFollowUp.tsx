import type { CaseDetail, CaseTask } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ReferralWithConsent } from './ReferralWithConsent';

/** The task the assessment raised of this kind (`trafficking:<assessment>:<kind>`), if the case still shows it. */
const raisedBy = (tasks: readonly CaseTask[], assessmentId: string, kind: string) => tasks.find((task) => task.createdFrom === `trafficking:${assessmentId}:${kind}`);

/**
 * A presumed victim: the immediate-protection task the server raised, and the referral
 * it offers, to an agency of the operation, on the person's consent to it.
 */
export function ProtectionFollowUp({ record, personId, assessmentId, child }: { record: CaseDetail; personId: string; assessmentId: string; child: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const protection = raisedBy(record.tasks, assessmentId, 'immediate_protection');
  const offer = raisedBy(record.tasks, assessmentId, 'referral_offer');
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
        <ReferralWithConsent record={record} personId={personId} defaultDue={offer?.dueDate ?? null} />
      </section>
    </div>
  );
}
