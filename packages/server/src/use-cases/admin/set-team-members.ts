import { can, err, ok, type Result } from '@waymark/core';
import type { Team, TeamMembers } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findTeam, membersEligibleForTeam, setTeamMembers as replaceMembers } from '../../db/organisations-repository';
import { transact } from '../../db/transaction';
import { accessOfUsers } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';
import { presentTeam } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';
import { refuseManaging } from './grant-failure';

/**
 * Sets a team's whole membership. Joining a team widens what a team-scope user sees, so it
 * is a grant: members come only from the team's agency and operation, the granter must be
 * able to manage each one who joins or leaves, and never themselves.
 */
export async function setTeamMembers(ctx: UseCaseContext, teamId: string, input: TeamMembers): Promise<Result<Team, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const team = await findTeam(tx, ctx.actor.operationIds, teamId);
    if (!team) return err(failure('not_found'));
    if (ctx.actor.scope !== 'operation' && team.agency_id !== ctx.actor.agencyId) return err(failure('forbidden'));
    const wanted = [...new Set(input.userIds)];
    const eligible = new Set((await membersEligibleForTeam(tx, team.operation_id, team.agency_id, wanted)).map((user) => user.id));
    const strangers = input.userIds.flatMap((id, index) => (eligible.has(id) ? [] : [index]));
    if (strangers.length > 0) {
      return err(
        failure(
          'validation_failed',
          undefined,
          strangers.map((index) => ({ path: `/userIds/${index}`, code: 'not_in_agency', message: "not a user of the team's agency in its operation" })),
        ),
      );
    }
    const before = new Set(team.memberIds);
    const added = wanted.filter((id) => !before.has(id));
    const removed = team.memberIds.filter((id) => !wanted.includes(id));
    const changed = [...added, ...removed];
    if (changed.includes(ctx.actor.userId)) {
      return err(failure('cannot_change_own_access', undefined, [{ path: '/userIds', code: 'self', message: 'you cannot change your own team membership' }]));
    }
    for (const user of await accessOfUsers(tx, changed)) {
      const refused = await refuseManaging(tx, ctx.actor, user);
      if (refused) return err(refused);
    }
    await replaceMembers(tx, team, wanted);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: team.operation_id,
      action: 'team.members_set',
      resourceType: 'team',
      resourceId: team.id,
      details: { added: added.length, removed: removed.length, members: wanted.length },
    });
    return ok(presentTeam({ ...team, memberIds: [...wanted].sort() }));
  });
}
