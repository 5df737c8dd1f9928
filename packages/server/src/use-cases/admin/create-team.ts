import { can, err, ok, type Result } from '@waymark/core';
import type { Team, TeamCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findAgency, insertTeam, teamNameTaken } from '../../db/organisations-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentTeam } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';

/** A granter below operation scope manages only their own agency's teams. */
export async function createTeam(ctx: UseCaseContext, agencyId: string, input: TeamCreate): Promise<Result<Team, Failure>> {
  if (!can(ctx.actor, 'user.manage')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const agency = await findAgency(tx, ctx.actor.operationIds, agencyId);
    if (!agency) return err(failure('not_found'));
    if (ctx.actor.scope !== 'operation' && agency.id !== ctx.actor.agencyId) return err(failure('forbidden'));
    if (await teamNameTaken(tx, agency.operation_id, agency.id, input.name)) {
      return err(failure('conflict', undefined, [{ path: '/name', code: 'taken', message: 'the agency has a team of this name' }]));
    }
    const id = uuidv7();
    await insertTeam(tx, { operation_id: agency.operation_id, id, agency_id: agency.id, name: input.name });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: agency.operation_id, action: 'team.create', resourceType: 'team', resourceId: id });
    return ok(presentTeam({ operation_id: agency.operation_id, id, agency_id: agency.id, name: input.name, memberIds: [] }));
  });
}
