import type { Household } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/router';
import { RiskBadge } from '../../components/RiskBadge';
import { displayName } from './display-name';

export function HouseholdMembers({ household, currentId }: { household: Household; currentId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="members-list">
      {household.members.map((member) => (
        <li key={member.id}>
          {member.id === currentId ? (
            <strong aria-current="page">{displayName(member)}</strong>
          ) : (
            <Link to={{ name: 'person', personId: member.id, screeningId: null }}>{displayName(member)}</Link>
          )}
          <span className="muted">
            {member.relationshipToHead ? t(`relationship.${member.relationshipToHead}`) : '—'}
            {' · '}
            {member.age === null ? t('form.unknown') : t('person.ageValue', { age: member.age })}
          </span>
          <RiskBadge level={member.riskLevel} />
        </li>
      ))}
    </ul>
  );
}
