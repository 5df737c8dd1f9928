import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './routes';

const id = '0190f3a2-7b1c-7def-8abc-0123456789ab';
const other = '0190f3a2-7b1c-7def-8abc-ba9876543210';

describe('routes', () => {
  it('round-trips every screen', () => {
    const routes: Route[] = [
      { name: 'people' },
      { name: 'register' },
      { name: 'password' },
      { name: 'audit' },
      { name: 'admin' },
      { name: 'retention' },
      { name: 'reports' },
      { name: 'map' },
      { name: 'my-work' },
      { name: 'supervision' },
      { name: 'resettlement' },
      { name: 'programmes' },
      { name: 'programme', programmeId: id },
      { name: 'labour' },
      { name: 'case', caseId: id },
      { name: 'person', personId: id, screeningId: null },
      { name: 'person', personId: id, screeningId: other },
      { name: 'screen', personId: id },
    ];
    for (const route of routes) expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('does not match a malformed id', () => {
    expect(parseRoute('/people/not-an-id')).toEqual({ name: 'not-found' });
  });
});
