import type { Person } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/router';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { displayName } from '../person/display-name';

/** A table on wide screens; each row stacks into a card on a phone (see styles.css). */
export function PeopleTable({ people, siteNames }: { people: readonly Person[]; siteNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = ['name', 'sex', 'age', 'site', 'legalStatus', 'risk', 'screenedAt'] as const;
  return (
    <table className="people-table">
      <thead>
        <tr>
          {columns.map((column) => <th key={column} scope="col">{t(`people.column.${column}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
            <th scope="row" data-label={t('people.column.name')}>
              <Link to={{ name: 'person', personId: person.id, screeningId: null }}>{displayName(person)}</Link>
            </th>
            <td data-label={t('people.column.sex')}>{t(`sex.${person.sex}`)}</td>
            <td data-label={t('people.column.age')}>{person.age ?? t('form.unknown')}</td>
            <td data-label={t('people.column.site')}>{person.siteId ? siteNames.get(person.siteId) ?? '—' : '—'}</td>
            <td data-label={t('people.column.legalStatus')}>{person.legalStatus ? t(`legalStatus.${person.legalStatus}`) : '—'}</td>
            <td data-label={t('people.column.risk')}><RiskBadge level={person.riskLevel} /></td>
            <td data-label={t('people.column.screenedAt')}>{person.screenedAt ? formatDate(person.screenedAt, language) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
