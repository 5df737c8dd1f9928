import { can, confirmCategories, dayOf, err, ok, suggestCategories, withholdReasons, type Result } from '@waymark/core';
import type { ResettlementConfirm, ResettlementSubmission } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findAssessment, findSubmission, saveSubmission } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentSubmission, warningsOf } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { assessmentOf, categoryFacts } from './facts';

/** Problems about the case's state, not the body: the other solutions were not assessed first. */
const STATE_CODES: ReadonlySet<string> = new Set(['other_solutions_not_considered', 'resettlement_not_feasible']);

/**
 * A named person confirms the case's categories and priority; the case enters the queue
 * on the first confirmation (waiting since that day) and keeps its place on a later one.
 * Refused with 409 `other_solutions_not_considered` until repatriation and local integration
 * were assessed, 400 for a bad choice; nothing written either way.
 */
export async function confirmResettlement(ctx: UseCaseContext, caseId: string, input: ResettlementConfirm): Promise<Result<ResettlementSubmission, Failure>> {
  if (!can(ctx.actor, 'resettlement.submit')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'resettlement.submit', { forUpdate: true });
    if (!found.ok) return found;
    const row = found.value;
    if (row.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before it is put forward'));
    const assessment = assessmentOf(row, await findAssessment(tx, row.operation_id, row.id));
    const facts = await categoryFacts(tx, row, assessment, now, today, { actor: ctx.actor, ring: ctx.keyRing });
    // Stored in clear: a reason only a sealed section gives is kept as a withheld marker, never its words.
    const suggestions = withholdReasons(suggestCategories(facts.whole), suggestCategories(facts.clear), facts.withheld);
    const confirmed = confirmCategories({
      choice: { primary: input.primary, secondary: input.secondary, priority: input.priority },
      suggestions,
      confirmedBy: ctx.actor.userId,
      confirmedAt: now.toISOString(),
      context: { assessment },
    });
    if (!confirmed.ok) {
      const errors = confirmed.error.filter((p) => p.severity === 'error');
      const state = errors.filter((p) => STATE_CODES.has(p.code));
      if (state.length > 0) return err({ ...invalid(state), code: 'other_solutions_not_considered' });
      return err(invalid(errors));
    }
    const current = await findSubmission(tx, row.operation_id, row.id);
    if (current && input.version !== current.version) {
      return err(failure('version_conflict', `the submission is at version ${current.version}; reload and reapply your change`));
    }
    if (!current && input.version !== undefined) return err(failure('version_conflict', 'nothing is confirmed yet: leave out the version'));
    const value = confirmed.value;
    const saved = await saveSubmission(
      tx,
      {
        operation_id: row.operation_id,
        case_id: row.id,
        primary_category: input.primary,
        secondary_category: input.secondary,
        priority: input.priority,
        confirmed: JSON.stringify({ ...value, warnings: warningsOf(value.warnings) }),
        suggested: JSON.stringify(suggestions),
        confirmed_by: ctx.actor.userId,
        confirmed_at: now,
        waiting_since: today,
      },
      current ? current.version : null,
    );
    if (!saved) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'resettlement.confirm',
      resourceType: 'case',
      resourceId: row.id,
      details: { primary: input.primary, secondary: input.secondary, priority: input.priority, notTaken: value.notTaken.join(','), version: saved.version },
      at: now,
    });
    return ok(presentSubmission(saved));
  });
}
