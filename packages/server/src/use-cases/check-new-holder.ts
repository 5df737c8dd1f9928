import { err, ok, ROLE_VERBS, ROLES, type Result, type Verb } from '@waymark/core';
import { teamsOfAgency } from '../db/organisations-repository';
import type { Tx } from '../db/transaction';
import { isEligibleAssignee } from '../db/users-admin-repository';
import { failure, type Failure } from '../failure';

/** The roles holding a verb: who can work a record they are handed. */
export const rolesThatRead = (verb: Verb): string[] => ROLES.filter((role) => ROLE_VERBS[role].has(verb));

interface Held {
  operation_id: string;
  agency_id: string;
  team_id: string | null;
}

/**
 * Reassigning a held record (a person or a case): the new worker must be an enabled user
 * of the holding agency in its operation, of a role that reads such records, and a named team one of that agency's, because
 * assignment never crosses agencies (the scope rule relies on it). Answers the team to keep.
 */
export async function checkNewHolder(
  tx: Tx,
  held: Held,
  input: { assignedUserId: string; teamId?: string | null | undefined },
  noun: 'person' | 'case',
): Promise<Result<{ teamId: string | null }, Failure>> {
  if (!(await isEligibleAssignee(tx, input.assignedUserId, held.operation_id, held.agency_id, rolesThatRead(`${noun}.read`)))) {
    return err(
      failure('validation_failed', undefined, [
        { path: '/assignedUserId', code: 'not_eligible', message: `not an enabled user of the ${noun}'s agency in this operation whose role reads ${noun}s` },
      ]),
    );
  }
  if (input.teamId !== undefined && input.teamId !== null) {
    const [team] = await teamsOfAgency(tx, held.agency_id, [input.teamId]);
    if (!team || team.operation_id !== held.operation_id) {
      return err(failure('validation_failed', undefined, [{ path: '/teamId', code: 'unknown_team', message: `not a team of the ${noun}'s agency` }]));
    }
  }
  return ok({ teamId: input.teamId === undefined ? held.team_id : input.teamId });
}
