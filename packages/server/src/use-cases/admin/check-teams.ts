import type { FieldProblem } from '@waymark/contracts';
import { teamsOfAgency } from '../../db/organisations-repository';
import type { Tx } from '../../db/transaction';

/**
 * A user joins only teams of their own agency, in operations they work in. Returns the
 * teams, or a problem per team id that is not one of those.
 */
export async function checkTeams(
  tx: Tx,
  agencyId: string | null,
  operationIds: readonly string[],
  teamIds: readonly string[],
): Promise<{ ok: true; teams: Array<{ operation_id: string; id: string }> } | { ok: false; errors: FieldProblem[] }> {
  const found = (agencyId === null ? [] : await teamsOfAgency(tx, agencyId, [...new Set(teamIds)])).filter((team) => operationIds.includes(team.operation_id));
  const known = new Set(found.map((team) => team.id));
  const errors = teamIds.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `/teamIds/${index}`, code: 'unknown_team', message: "not a team of the user's agency" }],
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, teams: found };
}
