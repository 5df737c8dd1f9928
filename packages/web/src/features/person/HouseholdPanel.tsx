import type { Household, HouseholdChangeResult } from '@waymark/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { useCan } from '../../shared/session';
import { useLanguage } from '../../i18n/use-language';
import { AddMemberForm } from './AddMemberForm';
import { displayName } from './display-name';
import { getHouseholdHistory, householdHistoryKey } from './household-api';
import { HouseholdChangeForm } from './HouseholdChangeForm';
import { HouseholdHistory } from './HouseholdHistory';
import { HouseholdMembers } from './HouseholdMembers';

/**
 * A household as it is and as it was: its members, the changes a caseworker may make
 * (add, remove, change the head, split), and its history in words. Children the household
 * leaves with no adult are said first, for child protection to follow up.
 */
export function HouseholdPanel({ household, currentId }: { household: Household; currentId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = new Intl.ListFormat(useLanguage(), { type: 'conjunction' });
  const queryClient = useQueryClient();
  const [flagged, setFlagged] = useState<{ id: string; name: string }[]>([]);
  const history = useQuery({ queryKey: householdHistoryKey(household.id), queryFn: () => getHouseholdHistory(household.id) });
  const withoutAdult = household.members.filter((member) => history.data?.childrenWithoutAdult.includes(member.id));
  const editable = can('household.update');

  // Every view of these people may have changed: their household, relationship and version.
  const changed = (result: HouseholdChangeResult) => {
    queryClient.setQueryData(keys.household(household.id), result.household);
    void queryClient.invalidateQueries({ queryKey: keys.households });
    void queryClient.invalidateQueries({ queryKey: keys.persons });
    const everyone = [...result.household.members, ...(result.newHousehold?.members ?? [])];
    setFlagged(
      result.childrenWithoutAdult.map((id) => {
        const member = everyone.find((candidate) => candidate.id === id) ?? household.members.find((candidate) => candidate.id === id);
        return { id, name: member ? displayName(member) : t('household.history.someone') };
      }),
    );
  };

  return (
    <div className="household-panel">
      {withoutAdult.length > 0 && (
        <p className="notice" role="note" data-testid="children-without-adult">
          {t('household.childrenWithoutAdult', { names: list.format(withoutAdult.map(displayName)) })}
        </p>
      )}
      {flagged.length > 0 && (
        <p className="notice" role="alert" data-testid="flagged-children">
          {t('household.flaggedNow', { names: list.format(flagged.map((child) => child.name)) })}
        </p>
      )}
      <HouseholdMembers household={household} currentId={currentId} />
      {editable && <HouseholdChangeForm key={`change-${household.version}`} household={household} onChanged={changed} />}
      {editable && can('person.create') && <AddMemberForm key={`add-${household.version}`} household={household} onChanged={changed} />}
      <HouseholdHistory history={history.data} error={history.error} />
    </div>
  );
}
