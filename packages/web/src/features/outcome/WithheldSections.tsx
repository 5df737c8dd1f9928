import type { Instrument } from '@waymark/core';
import type { Screening } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';

/**
 * Says that a highly sensitive section exists and was withheld from this reader (or could
 * not be opened: its encryption key is unavailable), and who may read it, never what it holds.
 */
export function WithheldSections({ screening, instrument }: { screening: Screening; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (screening.withheld.length === 0) return null;
  return (
    <ul className="withheld" data-testid="withheld-sections">
      {screening.withheld.map((section) => {
        const domain = instrument?.domains.find((candidate) => candidate.id === section.domain);
        const name = domain ? pickText(domain.label, language).text : section.domain;
        return (
          <li key={section.domain} className="notice">
            {section.reason === 'encryption_unavailable'
              ? t('outcome.withheldSealed', { domain: name })
              : t('outcome.withheld', { domain: name, roles: section.readableBy.map((role) => t(`role.${role}`)).join(', ') })}
          </li>
        );
      })}
    </ul>
  );
}
