import type { Agency } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { agenciesKey, listOperationAgencies } from '../../api/agencies';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';

/**
 * The agencies of the person's operation: who a referral, or a consent to one, can name.
 * The person is usually in the cache already (their page or case is open).
 */
export function usePersonAgencies(personId: string) {
  const person = useQuery({ queryKey: keys.person(personId), queryFn: () => getPerson(personId) });
  const operationId = person.data?.operationId;
  const agencies = useQuery({
    queryKey: agenciesKey(operationId ?? ''),
    queryFn: ({ signal }) => listOperationAgencies(operationId!, signal),
    enabled: operationId !== undefined,
    staleTime: 5 * 60_000,
  });
  const items: readonly Agency[] = agencies.data?.items ?? [];
  return { items, error: person.error ?? agencies.error, nameOf: (id: string | null) => (id === null ? undefined : items.find((agency) => agency.id === id)?.name) };
}
