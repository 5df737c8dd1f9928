import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session';

/**
 * The screening was refused for want of consent. Say so plainly; a user holding
 * consent.override may go ahead with a written reason, which the server audits.
 */
export function ConsentRequiredNotice({ reason, onReason }: { reason: string; onReason: (reason: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <div className="problem-summary" role="alert" data-testid="consent-required">
      <p>{t('consent.requiredForScreening')}</p>
      {can('consent.override') && (
        <label>
          {t('consent.overrideReason')}
          <textarea value={reason} onChange={(e) => onReason(e.target.value)} minLength={10} data-testid="consent-override-reason" />
        </label>
      )}
    </div>
  );
}
