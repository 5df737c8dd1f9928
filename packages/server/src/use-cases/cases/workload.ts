import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { Workload } from '@waymark/contracts';
import { workloadOfAgency } from '../../db/cases-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * Open cases and open (and overdue) tasks per worker of the supervisor's own agency, in
 * the supervisor's operations: counts only, for balancing assignments.
 */
export async function workload(ctx: UseCaseContext): Promise<Result<Workload, Failure>> {
  if (!can(ctx.actor, 'case.supervise')) return err(failure('forbidden'));
  if (ctx.actor.agencyId === null) return ok({ items: [] });
  const rows = await workloadOfAgency(ctx.db, ctx.actor.agencyId, ctx.actor.operationIds, dayOf(ctx.now()));
  return ok({
    items: rows.map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      openCases: Number(row.open_cases),
      openTasks: Number(row.open_tasks),
      overdueTasks: Number(row.overdue_tasks),
    })),
  });
}
