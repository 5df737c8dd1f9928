import type { ResettlementSubmission } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';

type Reason = ResettlementSubmission['primary']['reasons'][number];

/**
 * One reason for a resettlement category. A reason that comes from a sealed section the
 * reader is not cleared for arrives without its words: say that it is withheld and who
 * may read it, so the reader knows whom to ask.
 */
export function SuggestionReason({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (reason.withheld) {
    const roles = reason.withheld.readableBy.map((role) => t(`role.${role}`)).join(language === 'ar' ? '، ' : ', ');
    return <li className="muted" data-testid="reason-withheld">{t('solutions.reasonWithheld', { roles })}</li>;
  }
  return <li lang={language}>{reason[language]}</li>;
}
