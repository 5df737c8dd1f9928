import type { PersonDetail, Site } from '@waymark/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { COMMON_LANGUAGES, COMMON_NATIONALITIES } from '../../shared/picker-lists';
import { IdentityDocumentsList } from './IdentityDocumentsList';

const known = (list: readonly string[], value: string) => list.includes(value);

/** The registration record, read-only; fields never recorded show a dash, not a guess. */
export function PersonDetails({ person, site }: { person: PersonDetail; site: Site | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = '—';
  const birth = person.dateOfBirth
    ? formatDate(person.dateOfBirth, language)
    : person.birthYear !== null
      ? t(person.birthYearEstimated ? 'person.birthYearAbout' : 'person.birthYearOnly', { year: person.birthYear })
      : none;
  const nationality = person.nationality
    ? known(COMMON_NATIONALITIES, person.nationality) ? t(`nationality.${person.nationality}`) : person.nationality
    : none;
  const languages = person.languages
    .map((code) => (known(COMMON_LANGUAGES, code) ? t(`spokenLanguage.${code}`) : code))
    .join(t('list.separator'));
  const rows: [string, ReactNode][] = [
    ['person.otherNames', person.otherNames.join(t('list.separator')) || none],
    ['person.originalScriptName', person.originalScriptName ? <bdi dir="auto">{person.originalScriptName}</bdi> : none],
    ['person.sex', t(`sex.${person.sex}`)],
    ['person.dateOfBirth', birth],
    ['person.age', person.age ?? t('form.unknown')],
    ['person.nationality', nationality],
    ['person.languages', languages || none],
    ['person.legalStatus', person.legalStatus ? t(`legalStatus.${person.legalStatus}`) : none],
    ['identityDocuments.legend', <IdentityDocumentsList person={person} today={new Date().toISOString().slice(0, 10)} />],
    ['person.arrivalDate', person.arrivalDate ? formatDate(person.arrivalDate, language) : none],
    ['person.site', site ? <bdi>{`${site.name} (${site.code})`}</bdi> : none],
    ['person.setting', person.setting ? t(`setting.${person.setting}`) : none],
    ['person.adminArea', person.adminAreaCode ? <bdi dir="ltr">{person.adminAreaCode}</bdi> : none],
  ];
  if (person.careSituation !== null || (person.age !== null && person.age < 18)) {
    rows.push(['person.careSituation', person.careSituation ? t(`careSituation.${person.careSituation}`) : none]);
  }
  return (
    <dl className="details">
      {rows.map(([key, value]) => (
        // A person's papers take the whole row: each one is a line of its own.
        <div key={key} className={key === 'identityDocuments.legend' ? 'detail detail-wide' : 'detail'}>
          <dt>{t(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
