import type { Person } from '@waymark/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { assignPerson, workloadKey } from '../../api/cases';
import { keys } from '../../api/keys';
import { AssignWorker } from './AssignWorker';

/** Assign or reassign the person (who holds their record), from the person page. */
export function AssignPerson({ person }: { person: Person }) {
  const queryClient = useQueryClient();
  return (
    <AssignWorker
      kind="person"
      // The person answer does not say who holds them (only the case answer does): unknown here.
      assignedUserId={null}
      assign={(assignedUserId) => assignPerson(person.id, { assignedUserId, version: person.version })}
      onAssigned={() => {
        // The assignment answers the person without their documents (the page shows the
        // detail): read the detail again rather than put a shorter answer in its place.
        void queryClient.invalidateQueries({ queryKey: keys.person(person.id) });
        void queryClient.invalidateQueries({ queryKey: keys.persons });
        void queryClient.invalidateQueries({ queryKey: workloadKey });
      }}
      onReload={() => void queryClient.invalidateQueries({ queryKey: keys.person(person.id) })}
    />
  );
}
