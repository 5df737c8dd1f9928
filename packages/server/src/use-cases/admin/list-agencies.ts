import { can, err, ok, type Result } from '@waymark/core';
import type { Agency } from '@waymark/contracts';
import { listAgencies as listAgencyRows } from '../../db/organisations-repository';
import { failure, type Failure } from '../../failure';
import { presentAgency } from '../../presenters/organisation';
import type { UseCaseContext } from '../context';

/**
 * An operation's agencies: for people who read or manage its users and agencies, and for
 * those who record consent, whose referral consents and referrals name the receiving
 * agency (organisations' names and kinds, nothing about a person).
 */
export async function listAgencies(ctx: UseCaseContext, operationId: string): Promise<Result<{ items: Agency[] }, Failure>> {
  if (!can(ctx.actor, 'user.read') && !can(ctx.actor, 'agency.manage') && !can(ctx.actor, 'consent.record')) return err(failure('forbidden'));
  if (!ctx.actor.operationIds.includes(operationId)) return err(failure('not_found'));
  return ok({ items: (await listAgencyRows(ctx.db, operationId)).map(presentAgency) });
}
