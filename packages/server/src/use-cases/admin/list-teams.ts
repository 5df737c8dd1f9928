import { can, err, ok, type Result } from '@waymark/core';
import type { Team } from '@waymark/contracts';
import { findAgency, listTeams as listTeamRows } from '../../db/organisations-repository';
import { failure, type Failure } from '../../failure';
import { presentTeam } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';

/** An agency's teams with their members' ids. Below operation scope, only one's own agency. */
export async function listTeams(ctx: UseCaseContext, agencyId: string): Promise<Result<{ items: Team[] }, Failure>> {
  if (!can(ctx.actor, 'user.read')) return err(failure('forbidden'));
  const agency = await findAgency(ctx.db, ctx.actor.operationIds, agencyId);
  if (!agency) return err(failure('not_found'));
  if (ctx.actor.scope !== 'operation' && agency.id !== ctx.actor.agencyId) return err(failure('forbidden'));
  return ok({ items: (await listTeamRows(ctx.db, agency.operation_id, agency.id)).map(presentTeam) });
}
