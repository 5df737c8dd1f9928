import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORD_ID as id, ONE_OF_EACH_ROUTE } from './route-examples';
import { parseRoute, pathOf, type Route } from './routes';

const other = '0190f3a2-7b1c-7def-8abc-ba9876543210';

describe('routes', () => {
  it('round-trips every screen', () => {
    const routes: Route[] = [...ONE_OF_EACH_ROUTE, { name: 'person', personId: id, screeningId: other }];
    for (const route of routes) expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('does not match a malformed id', () => {
    expect(parseRoute('/people/not-an-id')).toEqual({ name: 'not-found' });
  });
});
