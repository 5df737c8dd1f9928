import { can, err, ok, type Result } from '@waymark/core';
import type { ClosureRequests } from '@waymark/contracts';
import { listClosureRequests } from '../../db/cases-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** What waits for a supervisor's decision: closure requests in scope, oldest first. */
export async function closureRequests(ctx: UseCaseContext): Promise<Result<ClosureRequests, Failure>> {
  if (!can(ctx.actor, 'case.approve_closure')) return err(failure('forbidden'));
  const rows = await listClosureRequests(ctx.db, ctx.actor, 200);
  return ok({
    items: rows.map((row) => ({
      caseId: row.id,
      personId: row.person_id,
      householdId: row.household_id,
      priority: row.priority as ClosureRequests['items'][number]['priority'],
      requestedBy: row.closure_requested_by!,
      requestedAt: new Date(row.closure_requested_at!).toISOString(),
      reason: row.closure_requested_reason ?? '',
    })),
  });
}
