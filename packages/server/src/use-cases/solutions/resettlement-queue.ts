import { can, err, ok, resettlementQueue, type ResettlementPriority, type Result, type RiskLevel, type SubmissionCategory } from '@waymark/core';
import type { ResettlementQueue } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { transact } from '../../db/transaction';
import { waitingCases } from '../../db/solutions-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/**
 * The cases waiting for submission that the actor may see (scope filtered in SQL), in
 * queue order (priority > risk > waiting > case id, core/solutions), one page explained.
 * Positions and counts cover the whole queue in scope, not just the page.
 */
export async function resettlementQueueUseCase(ctx: UseCaseContext, page: { offset: number; limit: number }): Promise<Result<ResettlementQueue, Failure>> {
  if (!can(ctx.actor, 'resettlement.queue')) return err(failure('forbidden'));
  const now = ctx.now();
  const rows = await waitingCases(ctx.db, ctx.actor);
  const cases = rows.map((r) => ({
    caseId: r.case_id,
    priority: r.priority as ResettlementPriority,
    risk: r.risk as RiskLevel,
    waitingSince: r.waiting_since,
    primary: r.primary_category as SubmissionCategory,
    secondary: r.secondary_category as SubmissionCategory | null,
  }));
  const entries = resettlementQueue(cases, now, page);
  // The categories say why people are at risk: who looked at which page is recorded.
  await transact(ctx.db, async (tx) => {
    await writeAudit(tx, {
    actorId: ctx.actor.userId,
    operationId: ctx.actor.operationIds[0] ?? null,
    action: 'resettlement.queue_view',
    resourceType: 'resettlement_queue',
    resourceId: null,
    details: { total: cases.length, offset: page.offset, shown: entries.length },
    at: now,
    });
    return ok(true);
  });
  return ok({
    total: cases.length,
    offset: page.offset,
    limit: page.limit,
    entries: entries.map((e) => ({
      position: e.position,
      caseId: e.case.caseId,
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
