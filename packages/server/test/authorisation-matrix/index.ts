import { administrationRoutes } from './administration';
import { CASE_ROUTES } from './cases';
import { CHILD_ROUTES } from './children';
import type { MatrixEntry } from './entries';
import { LABOUR_ROUTES } from './labour';
import { PERSON_ROUTES } from './persons';
import { POPULATION_ROUTES } from './population';
import { PROGRAMME_ROUTES } from './programmes';
import { SESSION_ROUTES } from './sessions';
import { SOLUTION_ROUTES } from './solutions';
import type { World } from './world';

/**
 * The authorisation matrix: one entry per route of the route table (openapi-document.ts
 * OPERATIONS), kept by route family in this folder. authorisation-matrix.test.ts runs every
 * entry for every role × scope × record position and asserts allow or deny from the rule
 * book itself, plus that allowed reads leak nothing above the reader's clearance. A route
 * without an entry fails.
 */
export function buildMatrix(world: () => World): Record<string, MatrixEntry> {
  const families = [
    SESSION_ROUTES,
    PERSON_ROUTES,
    CASE_ROUTES,
    CHILD_ROUTES,
    SOLUTION_ROUTES,
    LABOUR_ROUTES,
    PROGRAMME_ROUTES,
    POPULATION_ROUTES,
    administrationRoutes(world),
  ];
  const matrix: Record<string, MatrixEntry> = {};
  for (const family of families) {
    for (const [route, entry] of Object.entries(family)) {
      // Spread together, a second entry for a route would silently replace the first.
      if (route in matrix) throw new Error(`${route} has entries in two route families`);
      matrix[route] = entry;
    }
  }
  return matrix;
}

export type { HeldCase, HeldChild, HeldRecord, OrgPosition, Position, World } from './world';
export { ORG_POSITIONS, POSITIONS } from './world';
export type { MatrixEntry } from './entries';
export { clearedForChildProtection, clearedForSgbv, expectedForRecord, expectedInOperation } from './expectations';
export { CHILD_CANARY, INFORMANT_CANARY, SGBV_ANSWERS, SGBV_CANARY } from './fixtures';
