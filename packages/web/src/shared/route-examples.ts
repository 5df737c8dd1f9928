import type { Route } from './routes';

/** The record id every example route carries. */
export const EXAMPLE_RECORD_ID = '0190f3a2-7b1c-7def-8abc-0123456789ab';
const id = EXAMPLE_RECORD_ID;

/**
 * One route of each screen, for tests that must cover them all (round trips, page titles).
 * The compiler's exhaustive switches over Route keep it honest when a screen is added.
 */
export const ONE_OF_EACH_ROUTE: readonly Route[] = [
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
  { name: 'screen', personId: id },
];
