import type { CaseDetail } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { caseSummaryUrl, referralFormUrl } from '../../api/case-documents';
import { consentsKey, getConsents } from '../../api/consents';
import { useCan } from '../../shared/session';

/**
 * Print links: the case summary, and a referral form for each referral task and each agency
 * the person has consented to be referred to. The server prints only what this reader may
 * see and refuses a form without that consent; the links only save a wasted click.
 */
export function CaseDocuments({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const personId = record.personId;
  const consents = useQuery({
    queryKey: consentsKey(personId ?? ''),
    queryFn: () => getConsents(personId!),
    enabled: personId !== null && can('consent.read'),
  });
  const referrals = record.tasks.filter((task) => task.kind === 'referral' && !task.restricted && task.status !== 'cancelled');
  const agencies = (consents.data?.current ?? []).filter((standing) => standing.purpose === 'referral' && standing.status === 'given' && standing.recipientAgencyId);
  return (
    <section className="card" aria-labelledby="case-documents-heading" data-testid="case-documents">
      <h2 id="case-documents-heading">{t('caseDocuments.title')}</h2>
      <ul className="plain-list">
        <li>
          <a href={caseSummaryUrl(record.id, language)} download data-testid="print-case-summary">
            {t('caseDocuments.summary')}
          </a>
        </li>
        {referrals.flatMap((task) =>
          agencies.map((standing) => (
            <li key={`${task.id}-${standing.recipientAgencyId}`}>
              <a href={referralFormUrl(task.id, standing.recipientAgencyId!, language)} download data-testid="print-referral-form">
                {t('caseDocuments.referral', { title: task.title, agency: standing.recipientAgencyId!.slice(-8) })}
              </a>
            </li>
          )),
        )}
      </ul>
      {referrals.length > 0 && agencies.length === 0 && <p className="muted">{t('caseDocuments.referralNeedsConsent')}</p>}
      <p className="muted">{t('caseDocuments.hint')}</p>
    </section>
  );
}
