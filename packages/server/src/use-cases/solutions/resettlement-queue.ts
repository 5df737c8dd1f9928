import { can, err, ok, queuePage, queueTotal, type Result, type SubmissionCategory } from '@waymark/core';
import type { ResettlementQueue } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { readQueue } from '../../db/solutions-repository';
import { failure, type Failure } from '../../failure';
import { caseNames } from '../cases/case-names';
import type { UseCaseContext } from '../context';

/**
 * The cases waiting for submission that the actor may see (scope filtered in SQL), in
 * queue order (priority > risk > waiting > case id, core/solutions), one page explained.
 * Positions and counts cover the whole queue in scope, not just the page: the database
 * gives the queue's histogram and the page with one neighbour either side, in queue order
 * (migration 0024), and core explains the page from those exactly as from every case.
 */
export async function resettlementQueueUseCase(ctx: UseCaseContext, page: { offset: number; limit: number }): Promise<Result<ResettlementQueue, Failure>> {
  if (!can(ctx.actor, 'resettlement.queue')) return err(failure('forbidden'));
  const now = ctx.now();
  const start = Math.max(0, page.offset - 1);
  const read = await readQueue(ctx.db, ctx.actor, now.toISOString().slice(0, 10), { start, count: page.offset + page.limit + 1 - start });
  const slice = read.slice.map((r) => ({
    caseId: r.caseId,
    priority: r.priority,
    risk: r.risk,
    waitingSince: r.waitingSince,
    primary: r.primaryCategory as SubmissionCategory,
    secondary: r.secondaryCategory as SubmissionCategory | null,
  }));
  const entries = queuePage(read.histogram, { start, cases: slice }, now, page);
  // Only a database that orders differently from core gets here: say so rather than misplace anyone.
  if (!entries.ok) return err(failure('internal_error', `the queue's page does not fit its counts (${entries.error.map((p) => p.code).join(', ')})`));
  const total = queueTotal(read.histogram);
  const names = await caseNames(ctx.db, ctx.actor, entries.value.map((e) => e.case.caseId));
  // The categories say why people are at risk: who looked at which page is recorded.
  await transact(ctx.db, async (tx) => {
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: ctx.actor.operationIds[0] ?? null,
      action: 'resettlement.queue_view',
      resourceType: 'resettlement_queue',
      resourceId: null,
      details: { total, offset: page.offset, shown: entries.value.length },
      at: now,
    });
    return ok(true);
  });
  return ok({
    total,
    offset: page.offset,
    limit: page.limit,
    entries: entries.value.map((e) => ({
      position: e.position,
      caseId: e.case.caseId,
      caseNumber: names.get(e.case.caseId)?.caseNumber ?? '',
      subjectName: names.get(e.case.caseId)?.subjectName ?? null,
      priority: e.case.priority,
      risk: e.case.risk,
      primary: e.case.primary,
      secondary: e.case.secondary,
      waitingSince: e.case.waitingSince,
      waitingDays: e.waitingDays,
      reasons: { ...e.reasons },
      explanation: e.explanation,
    })),
  });
}
