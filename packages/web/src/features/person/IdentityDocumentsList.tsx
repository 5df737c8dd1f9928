import type { PersonDetail } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * The person's papers as a list: each recorded document with its number (left to right,
 * also in Arabic), issuer and expiry, then the types held without a record. A number this
 * reader may not see says so instead of looking unrecorded.
 */
export function IdentityDocumentsList({ person, today }: { person: PersonDetail; today: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const recordedTypes = new Set(person.identityDocuments.map((document) => document.type));
  const typesOnly = person.documents.filter((type) => !recordedTypes.has(type));
  if (person.identityDocuments.length === 0 && typesOnly.length === 0) return <>{t('identityDocuments.none')}</>;
  return (
    <>
      <ul className="identity-documents-list" data-testid="identity-documents">
        {person.identityDocuments.map((document) => (
          <li key={document.id} data-testid="identity-document">
            <strong>{t(`document.${document.type}`)}</strong>
            {' · '}
            {document.number !== null ? (
              <bdi dir="ltr" className="document-number" data-testid="identity-document-number">{document.number}</bdi>
            ) : (
              <em>{t(document.numberWithheld ? 'identityDocuments.numberWithheld' : 'identityDocuments.noNumber')}</em>
            )}
            {document.issuer !== null && (
              <>
                {' · '}
                {t('identityDocuments.issuedBy', { issuer: '' })}
                <bdi dir="auto">{document.issuer}</bdi>
              </>
            )}
            {document.expiryDate !== null && (
              <>
                {' · '}
                {t(document.expiryDate < today ? 'identityDocuments.expired' : 'identityDocuments.expires', { date: formatDate(document.expiryDate, language) })}
              </>
            )}
          </li>
        ))}
      </ul>
      {typesOnly.length > 0 && <p className="hint">{t('identityDocuments.typesOnly', { types: typesOnly.map((type) => t(`document.${type}`)).join(t('list.separator')) })}</p>}
    </>
  );
}
