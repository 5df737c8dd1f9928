import { err, ok, type Result } from '@waymark/core';
import { knownAdminAreaCodes, operationHasAdminAreas } from '../../db/sites-repository';
import type { Tx } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';

/**
 * A person's admin area must be one of the operation's once it has loaded its boundaries,
 * so the map and every aggregate can place them. Before any boundary is loaded a code is
 * taken as written (the boundary upload then reports codes that match nobody), as
 * registration often starts before the shapes arrive.
 */
export async function checkPersonAreas(tx: Tx, operationId: string, areas: readonly { code: string | null | undefined; path: (string | number)[] }[]): Promise<Result<null, Failure>> {
  const given = areas.filter((area): area is { code: string; path: (string | number)[] } => typeof area.code === 'string');
  if (given.length === 0 || !(await operationHasAdminAreas(tx, operationId))) return ok(null);
  const known = await knownAdminAreaCodes(tx, operationId, given.map((area) => area.code));
  const problems = given
    .filter((area) => !known.has(area.code))
    .map((area) => ({ code: 'unknown_admin_area', path: area.path, message: 'no admin area of this code in the operation' }));
  return problems.length > 0 ? err(invalid(problems)) : ok(null);
}
