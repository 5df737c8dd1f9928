import type { Person } from '@waymark/contracts';

export function displayName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return [person.givenName, person.familyName].filter((part) => part !== '').join(' ');
}
