import { can, dayOf, err, ok, type Result } from '@waymark/core';
import type { ChildDeadlines } from '@waymark/contracts';
import { deadlinesOfUser } from '../../db/children-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

export const CHILD_DEADLINES_LIMIT = 100;

/**
 * My work's child-protection part: open BIAs, BID reviews and the BIDs a move waits for,
 * of the children assigned to me (and of the moves of my cases). Ids, kinds and dates
 * only, no child's file: not audited as a read of anyone's record.
 */
export async function myChildDeadlines(ctx: UseCaseContext): Promise<Result<ChildDeadlines, Failure>> {
  if (!can(ctx.actor, 'child.read')) return err(failure('forbidden'));
  const rows = await deadlinesOfUser(ctx.db, ctx.actor.userId, ctx.actor.operationIds, dayOf(ctx.now()), CHILD_DEADLINES_LIMIT);
  return ok({
    items: rows.map((row) => ({ kind: row.kind, id: row.id, childId: row.child_id, dueDate: row.due_date, solutionStepId: row.solution_step_id, caseId: row.case_id })),
  });
}
