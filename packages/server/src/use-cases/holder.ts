import { err, ok, type Result } from '@waymark/core';
import { defaultAgencyOf, holderInOperation } from '../db/agencies-repository';
import type { Tx } from '../db/transaction';
import { failure, type Failure } from '../failure';
import type { UseCaseContext } from './context';

export interface Holder {
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
}

/**
 * Who holds a record the actor creates: the actor's agency (which must work in that
 * operation), the actor's team there if any, and the actor as assigned worker, so that a
 * caseworker with "own" scope still sees what they registered.
 */
export async function holderFor(ctx: UseCaseContext, tx: Tx, operationId: string): Promise<Result<Holder, Failure>> {
  const holder = await holderInOperation(tx, operationId, ctx.actor.agencyId, ctx.actor.teamIds);
  if (holder) return ok({ agency_id: holder.agencyId, team_id: holder.teamId, assigned_user_id: ctx.actor.userId });
  // An operation-wide officer (a regional administrator, say) working in an operation their
  // own agency is not part of: the operation's first agency holds what they register,
  // unassigned, since assignment never crosses agencies (the scope rule relies on it).
  if (ctx.actor.scope === 'operation') {
    const lead = await defaultAgencyOf(tx, operationId);
    if (lead) return ok({ agency_id: lead, team_id: null, assigned_user_id: null });
  }
  return err(failure('forbidden', 'your agency does not work in this operation'));
}
