import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { Workload } from '@waymark/contracts';
import { workloadOfAgency } from '../../db/cases-repository';
import { failure, type Failure } from '../../failure';
import { rolesThatRead } from '../check-new-holder';
import type { UseCaseContext } from '../context';

/**
 * Open cases and open (and overdue) tasks per worker of the reader's own agency, in the
 * reader's operations: counts only, for balancing assignments. Whoever may assign cases
 * (supervisors, and protection and child-protection officers allocating their caseloads)
 * reads it, because choosing a worker without seeing their load is how caseloads overflow.
 */
export async function workload(ctx: UseCaseContext): Promise<Result<Workload, Failure>> {
  if (!can(ctx.actor, 'case.assign')) return err(failure('forbidden'));
  if (ctx.actor.agencyId === null) return ok({ items: [] });
  // Only workers who can hold a case are listed: an auditor or analyst is nobody to assign to.
  const rows = await workloadOfAgency(ctx.db, ctx.actor.agencyId, ctx.actor.operationIds, dayOf(ctx.now()), rolesThatRead('case.read'));
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
