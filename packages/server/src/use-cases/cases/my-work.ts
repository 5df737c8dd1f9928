import { can, dayOf, err, isOverdue, ok, type Result } from '@waymark/core';
import type { MyWork } from '@waymark/contracts';
import { listMyWork } from '../../db/cases-repository';
import { failure, type Failure } from '../../failure';
import { presentMyWorkItem } from '../../presenters/case';
import type { UseCaseContext } from '../context';
import { caseNames } from './case-names';

export const MY_WORK_LIMIT = 100;

/**
 * My open tasks on open cases I can reach: overdue first, then by due date, then the more
 * urgent case (core/cases compareWorkItems; the query orders the same way). Titles, and each
 * case named by its number and the person's name (only where the reader's scope reaches that
 * person): no person's file, so not audited as a read of anyone's record.
 */
export async function myWork(ctx: UseCaseContext): Promise<Result<MyWork, Failure>> {
  if (!can(ctx.actor, 'case.read')) return err(failure('forbidden'));
  const today = dayOf(ctx.now());
  const rows = await listMyWork(ctx.db, ctx.actor, MY_WORK_LIMIT);
  const names = await caseNames(ctx.db, ctx.actor, rows.map((row) => row.case_id));
  const items = rows.map((row) => presentMyWorkItem(row, names.get(row.case_id), today, ctx.actor, ctx.keyRing));
  return ok({ items, overdue: rows.filter((row) => isOverdue({ dueDate: row.due_date }, today)).length });
}
