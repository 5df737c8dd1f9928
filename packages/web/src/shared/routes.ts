/** Every screen the app has. Paths carry record ids only, never names or filters. */
export type Route =
  | { name: 'people' }
  | { name: 'register' }
  | { name: 'password' }
  | { name: 'audit' }
  | { name: 'admin' }
  | { name: 'retention' }
  | { name: 'reports' }
  | { name: 'map' }
  | { name: 'my-work' }
  | { name: 'supervision' }
  | { name: 'resettlement' }
  | { name: 'programmes' }
  | { name: 'programme'; programmeId: string }
  | { name: 'labour' }
  | { name: 'case'; caseId: string }
  | { name: 'person'; personId: string; screeningId: string | null }
  | { name: 'screen'; personId: string }
  | { name: 'not-found' };

const ID = '([0-9a-fA-F-]{36})';
const PATTERNS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => Route]> = [
  [/^\/?$/, () => ({ name: 'people' })],
  [/^\/people\/?$/, () => ({ name: 'people' })],
  [/^\/register\/?$/, () => ({ name: 'register' })],
  [/^\/password\/?$/, () => ({ name: 'password' })],
  [/^\/audit\/?$/, () => ({ name: 'audit' })],
  [/^\/admin\/?$/, () => ({ name: 'admin' })],
  [/^\/retention\/?$/, () => ({ name: 'retention' })],
  [/^\/reports\/?$/, () => ({ name: 'reports' })],
  [/^\/map\/?$/, () => ({ name: 'map' })],
  [/^\/my-work\/?$/, () => ({ name: 'my-work' })],
  [/^\/supervision\/?$/, () => ({ name: 'supervision' })],
  [/^\/resettlement\/?$/, () => ({ name: 'resettlement' })],
  [/^\/programmes\/?$/, () => ({ name: 'programmes' })],
  [/^\/labour\/?$/, () => ({ name: 'labour' })],
  [new RegExp(`^/cases/${ID}/?$`), (m) => ({ name: 'case', caseId: m[1]! })],
  [new RegExp(`^/programmes/${ID}/?$`), (m) => ({ name: 'programme', programmeId: m[1]! })],
  [new RegExp(`^/people/${ID}/?$`), (m) => ({ name: 'person', personId: m[1]!, screeningId: null })],
  [new RegExp(`^/people/${ID}/screen/?$`), (m) => ({ name: 'screen', personId: m[1]! })],
  [new RegExp(`^/people/${ID}/screenings/${ID}/?$`), (m) => ({ name: 'person', personId: m[1]!, screeningId: m[2]! })],
];

export function parseRoute(pathname: string): Route {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (match) return build(match);
  }
  return { name: 'not-found' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'people':
      return '/';
    case 'register':
      return '/register';
    case 'password':
      return '/password';
    case 'audit':
      return '/audit';
    case 'admin':
      return '/admin';
    case 'retention':
      return '/retention';
    case 'reports':
      return '/reports';
    case 'map':
      return '/map';
    case 'my-work':
      return '/my-work';
    case 'supervision':
      return '/supervision';
    case 'resettlement':
      return '/resettlement';
    case 'programmes':
      return '/programmes';
    case 'programme':
      return `/programmes/${route.programmeId}`;
    case 'labour':
      return '/labour';
    case 'case':
      return `/cases/${route.caseId}`;
    case 'person':
      return route.screeningId ? `/people/${route.personId}/screenings/${route.screeningId}` : `/people/${route.personId}`;
    case 'screen':
      return `/people/${route.personId}/screen`;
    case 'not-found':
      return '/';
  }
}
